import type { MouseEvent } from 'react';

/**
 * The first stops of Tab: past the header, straight to Find or to the log's filters. Without
 * them the way there runs through every node of the graph React Flow draws.
 */
const LINKS = [
  { href: '#find', label: 'Skip to Find', target: '.graph-pane search input' },
  { href: '#log-filters', label: 'Skip to the log filters', target: '.log-filters summary' },
] as const;

export function SkipLinks() {
  // The targets live in the graph and the log: focused by selector, as a fragment would only
  // scroll to them.
  const go = (e: MouseEvent<HTMLAnchorElement>, selector: string) => {
    const target = document.querySelector<HTMLElement>(selector);
    if (target === null) return;
    e.preventDefault();
    target.focus();
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      {LINKS.map((link) => (
        <a key={link.href} href={link.href} onClick={(e) => go(e, link.target)}>
          {link.label}
        </a>
      ))}
    </nav>
  );
}
