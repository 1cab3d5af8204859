import { ConnectionBadge } from './ConnectionBadge';
import { ConnectionPicker } from './ConnectionPicker';
import { CommandsMenu } from './commands/CommandsMenu';
import { TimeDisplayPicker } from './preferences/TimeDisplayPicker';
import { RecordingBadge } from './recording/RecordingBadge';
import { RecordingMenu } from './recording/RecordingMenu';
import { StrategiesMenu } from './strategies/StrategiesMenu';
import { TrafficControls } from './TrafficControls';
import { CopyLinkButton } from './url-state/CopyLinkButton';
import type { PendingView } from './url-state/pending-view';

export function Header({ pending }: { pending: PendingView }) {
  return (
    <header className="header">
      <h1 className="title">ORS inspector</h1>
      <ConnectionBadge />
      <RecordingBadge />
      <ConnectionPicker />
      <TrafficControls />
      <CommandsMenu />
      <StrategiesMenu />
      <RecordingMenu />
      <TimeDisplayPicker />
      <CopyLinkButton pending={pending} />
    </header>
  );
}
