/** Freezes an object and everything below it (functions are left as they are). @internal */
export function deepFreeze<T>(value: T): T {
  // Iterative, so a document nested 10,000 deep (a scenario's expected value …) cannot overflow the stack.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || Object.isFrozen(node)) continue;
    Object.freeze(node);
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
  return value;
}
