/** The issues of tasks/ (declare each with `message` from ./types.js). */
export const TASKS_MESSAGES = {};
