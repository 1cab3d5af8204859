/** Placeholder until the details panel lands. */
export function DetailsPanel() {
  return <div>details</div>;
}
