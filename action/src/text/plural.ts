/** "1 flow", "3 flows", "2 policies" (with the plural given). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
