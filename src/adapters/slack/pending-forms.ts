import { keptForms } from '../../core/kept-forms.js';

/** A click opens its form at once (a trigger_id lasts 3 s), including the team questions that follow a check-in. */
const forms = keptForms('slack.forms');
export const keepForms = forms.keep;
export const keptForm = forms.get;
