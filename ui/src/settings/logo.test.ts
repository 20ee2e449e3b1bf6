import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, logoFromDataUrl, logoProblem, logoSrc, readLogo } from './logo';

describe('logo', () => {
  it('accepts PNG and JPEG up to 2 MB', () => {
    expect(logoProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(logoProblem({ type: 'image/jpeg', size: LOGO_MAX_BYTES })).toBeNull();
  });

  it('refuses other types, big and empty files', () => {
    expect(logoProblem({ type: 'image/gif', size: 10 })).toBe('Choose a PNG or JPEG image');
    expect(logoProblem({ type: 'image/svg+xml', size: 10 })).toBe('Choose a PNG or JPEG image');
    expect(logoProblem({ type: 'image/png', size: LOGO_MAX_BYTES + 1 })).toMatch(/at most 2 MB/);
    expect(logoProblem({ type: 'image/png', size: 3 * 1024 * 1024 })).toMatch(/^The image is 3.0 MB/);
    expect(logoProblem({ type: 'image/png', size: 0 })).toBe('The file is empty');
  });

  it('splits a data URL into mime and base64', () => {
    expect(logoFromDataUrl('data:image/png;base64,iVBORw0KGgo=')).toEqual({ mime: 'image/png', data: 'iVBORw0KGgo=' });
    expect(logoFromDataUrl('data:image/gif;base64,R0lG')).toBeNull();
    expect(logoFromDataUrl('data:image/png,plain')).toBeNull();
    expect(logoSrc({ mime: 'image/jpeg', data: '/9j/' })).toBe('data:image/jpeg;base64,/9j/');
  });

  it('reads a file with FileReader', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const logo = await readLogo(new File([png], 'logo.png', { type: 'image/png' }));
    expect(logo).toEqual({ mime: 'image/png', data: 'iVBORw0KGgo=' });
  });
});
