/** The issues of sheets/ (declare each with `message` from ./types.js). */
export const SHEETS_MESSAGES = {};
