import { z } from 'zod';

// PostgreSQL refuses NUL in text outright (an INTERNAL error instead of a refusal), and other
// control characters in a SKU, lot number or name only ever come from a broken scanner or an
// attack; they are refused at the edge with BAD_USER_INPUT, before any query runs.
const SINGLE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// Free text (notes, reasons) may span lines: tab, line feed and carriage return are allowed.
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters';

/** A one-line identifier or name: no control characters at all. */
export function singleLineText(message = CONTROL_CHARACTER_MESSAGE) {
  return z.string().trim().refine((value) => !SINGLE_LINE_CONTROL.test(value), { message });
}

/** Free text such as a note or a reason: line breaks and tabs allowed, other control characters not. */
export function multiLineText(message = CONTROL_CHARACTER_MESSAGE) {
  return z.string().trim().refine((value) => !MULTI_LINE_CONTROL.test(value), { message });
}
