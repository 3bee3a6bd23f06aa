import { issue, type Issue, type IssueCode } from "../core/errors.js";

/** An issue about a whole file: no path inside it, the message starting with the file's name. @internal */
export function fileIssue(code: IssueCode, message: string): Issue {
  return issue(code, [], { key: "whole", text: message });
}
