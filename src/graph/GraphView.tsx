/** Placeholder until the graph lands. */
export function GraphView() {
  return <div className="graph-placeholder">graph</div>;
}
