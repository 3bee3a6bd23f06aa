/** The issues of cascade/ (declare each with `message` from ./types.js). */
export const CASCADE_MESSAGES = {};
