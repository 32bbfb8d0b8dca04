import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { exportPersonalData } from '../src/features/privacy.js';

export default defineCommand({
  name: 'privacy export',
  description: 'Download everything Attune holds about you, as JSON',
  usage: '/attune privacy export',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    const data = await exportPersonalData(ctx);
    const filename = `attune-export-${ctx.today}.json`;
    const summary = ctx.content.copy('privacy.exported', {
      reflections: data.reflections.length,
      checkins: data.checkins.length,
      filename,
    });
    return privateReply(summary, [
      { type: 'text', text: summary },
      { type: 'file', filename, mime: 'application/json', title: 'Attune export', data: new TextEncoder().encode(JSON.stringify(data, null, 2)) },
    ]);
  },
});
