/** The issues of periods/ (declare each with `message` from ./types.js). */
export const PERIODS_MESSAGES = {};
