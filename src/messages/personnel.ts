/** The issues of personnel/ (declare each with `message` from ./types.js). */
export const PERSONNEL_MESSAGES = {};
