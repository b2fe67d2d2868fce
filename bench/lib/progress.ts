/** Prints "label done/total (pct%)", rewriting the line on a terminal. */
export function progress(label: string, done: number, total: number): void {
  const line = `${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round((100 * done) / total)}%)`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else process.stderr.write(`${line}\n`);
}
