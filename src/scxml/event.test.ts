import { describe, expect, it } from 'vitest';
import { matchesDescriptor } from './event';
import { contentValue, parseDelay } from './values';

describe('event descriptors', () => {
  it('[3.12.1] a descriptor matches its own name and names it is a token prefix of', () => {
    expect(matchesDescriptor('error', 'error.send.failed')).toBe(true);
    expect(matchesDescriptor('error.send', 'error.send')).toBe(true);
    expect(matchesDescriptor('error.send.*', 'error.send.failed')).toBe(true);
    expect(matchesDescriptor('err', 'error')).toBe(false);
    expect(matchesDescriptor('error.send', 'error')).toBe(false);
  });

  it('[3.12.1] "*" matches every event', () => {
    expect(matchesDescriptor('*', 'anything.at.all')).toBe(true);
  });
});

describe('values', () => {
  it('[6.2] delays are CSS2 times: ms and s, with fractions', () => {
    expect(parseDelay('500ms')).toBe(500);
    expect(parseDelay('.5s')).toBe(500);
    expect(parseDelay('2s')).toBe(2000);
    expect(parseDelay('soon')).toBeNull();
  });

  it('[B.2] inline content is JSON when it parses, otherwise the text with whitespace normalized', () => {
    expect(contentValue('[1, 2, 3]')).toEqual([1, 2, 3]);
    expect(contentValue('  some\n   text ')).toBe('some text');
  });
});
