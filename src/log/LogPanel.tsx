/** Placeholder until the log lands. */
export function LogPanel() {
  return <div>log</div>;
}
