import { ConnectionBadge } from './ConnectionBadge';
import { CommandsMenu } from './commands/CommandsMenu';
import { TrafficControls } from './TrafficControls';

export function Header() {
  return (
    <header className="header">
      <h1 className="title">ORS inspector</h1>
      <ConnectionBadge />
      <TrafficControls />
      <CommandsMenu />
    </header>
  );
}
