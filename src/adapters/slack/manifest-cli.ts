import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../../../commands/index.js';
import { buildManifest } from './manifest.js';

/** `npm run slack:manifest [-- --url https://host] [--out file]`: writes the app manifest to paste into api.slack.com. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string', default: 'slack-manifest.json' }, name: { type: 'string' } } });
  if (values.url && !/^https:\/\/[^\s]+$/.test(values.url)) {
    process.stderr.write('--url must be the public https:// address of Attune, e.g. https://attune.example.org\n');
    process.exit(1);
  }
  const manifest = buildManifest(commands, { ...(values.url ? { url: values.url } : {}), ...(values.name ? { name: values.name } : {}) });
  const out = path.resolve(values.out);
  await writeFile(out, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`Wrote ${out} (${values.url ? 'HTTP mode' : 'Socket Mode'}). Paste it at https://api.slack.com/apps -> Create New App -> From a manifest.\n`);
}

void main();
