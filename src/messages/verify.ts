/** The issues of verify/ (declare each with `message` from ./types.js). */
export const VERIFY_MESSAGES = {};
