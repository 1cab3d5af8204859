// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionPicker, engineHref } from './ConnectionPicker';

afterEach(cleanup);

const PAGE = 'http://127.0.0.1:5173/';

function renderPicker(href: string) {
  const navigate = vi.fn<(href: string) => void>();
  render(<ConnectionPicker href={href} navigate={navigate} />);
  return navigate;
}

const connect = () => fireEvent.click(screen.getByTestId('engine-connect'));
const typeUrl = (value: string) => fireEvent.change(screen.getByTestId('engine-url'), { target: { value } });

describe('engineHref', () => {
  it('links a remote engine by its origin, with the token, keeping the other parameters', () => {
    const result = engineHref(`${PAGE}?rate=500`, {
      kind: 'remote',
      url: ' https://ors.example:8443/some/path ',
      token: 'look',
    });
    expect(result).toEqual({
      href: `${PAGE}?rate=500&engine=${encodeURIComponent('https://ors.example:8443')}&token=look`,
    });
  });

  it('drops the engine and token for the in-browser engine', () => {
    const current = `${PAGE}?engine=${encodeURIComponent('http://127.0.0.1:3001')}&token=t&seed=7`;
    expect(engineHref(current, { kind: 'worker' })).toEqual({ href: `${PAGE}?seed=7` });
  });

  it.each([
    ['', "Enter the server's URL"],
    ['127.0.0.1 3001', 'is not a URL'],
    ['ws://127.0.0.1:3001', 'must start with http:// or https://, not ws://'],
    ['javascript:alert(1)', 'must start with http:// or https://'],
    ['localhost:3001', 'must start with http:// or https://, e.g. http://localhost:3001'],
  ])('refuses %j with a message that says why', (url, message) => {
    const result = engineHref(PAGE, { kind: 'remote', url, token: '' });
    expect('problem' in result && result.problem).toContain(message);
  });
});

describe('ConnectionPicker', () => {
  it('names the in-browser engine when the page has no engine parameter', () => {
    renderPicker(PAGE);
    expect(screen.getByText('Engine: in-browser')).toBeTruthy();
    expect((screen.getByTestId('engine-worker') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('engine-url') as HTMLInputElement).disabled).toBe(true);
  });

  it('names the remote engine by its URL, and offers it with its token', () => {
    renderPicker(`${PAGE}?engine=${encodeURIComponent('http://10.0.0.5:3001')}&token=s3cret`);
    expect(screen.getByText('Engine: 10.0.0.5:3001').title).toBe('http://10.0.0.5:3001');
    expect((screen.getByTestId('engine-url') as HTMLInputElement).value).toBe('http://10.0.0.5:3001');
    expect((screen.getByTestId('engine-token') as HTMLInputElement).value).toBe('s3cret');
  });

  it('navigates to the remote engine the user typed', () => {
    const navigate = renderPicker(PAGE);
    fireEvent.click(screen.getByTestId('engine-remote'));
    typeUrl('http://127.0.0.1:3001');
    fireEvent.change(screen.getByTestId('engine-token'), { target: { value: 'op' } });
    connect();
    expect(navigate).toHaveBeenCalledWith(
      `${PAGE}?engine=${encodeURIComponent('http://127.0.0.1:3001')}&token=op`,
    );
  });

  it('tells the user what is wrong with a URL, and stays on the page', () => {
    const navigate = renderPicker(PAGE);
    fireEvent.click(screen.getByTestId('engine-remote'));
    typeUrl('ftp://127.0.0.1:3001');
    connect();
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('http:// or https://');
    expect(screen.getByTestId('engine-url').getAttribute('aria-invalid')).toBe('true');
    typeUrl('http://127.0.0.1:3001');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back to the in-browser engine', () => {
    const navigate = renderPicker(`${PAGE}?engine=${encodeURIComponent('http://127.0.0.1:3001')}`);
    fireEvent.click(screen.getByTestId('engine-worker'));
    connect();
    expect(navigate).toHaveBeenCalledWith(PAGE);
  });
});
