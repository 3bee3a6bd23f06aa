/** The issues of files/ (declare each with `message` from ./types.js). */
export const FILES_MESSAGES = {};
