// Your profile's logo: which files are accepted, and the base64 the core wants
// (a data: URL without its prefix). Pure, so vitest covers them.
import type { Logo } from '../bindings/Logo';

/** The core's limit (coachbook::model::LOGO_MAX_BYTES). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'];

/** Why a chosen file cannot be the logo, or null when it can. */
export function logoProblem(file: { type: string; size: number }): string | null {
  if (!LOGO_TYPES.includes(file.type)) return 'Choose a PNG or JPEG image';
  if (file.size > LOGO_MAX_BYTES) {
    return `The image is ${(file.size / 1024 / 1024).toFixed(1)} MB; the logo can be at most 2 MB`;
  }
  if (file.size === 0) return 'The file is empty';
  return null;
}

/** "data:image/png;base64,AAAA" → { mime, data }; null for anything else. */
export function logoFromDataUrl(url: string): Logo | null {
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/.exec(url);
  return m ? { mime: m[1], data: m[2] } : null;
}

/** The logo as an <img> source (the CSP allows data: images). */
export function logoSrc(logo: Logo): string {
  return `data:${logo.mime};base64,${logo.data}`;
}

/** Reads a file in the browser as a logo. */
export function readLogo(file: File): Promise<Logo> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const logo = typeof reader.result === 'string' ? logoFromDataUrl(reader.result) : null;
      if (logo) resolve(logo);
      else reject(new Error('The file could not be read as an image'));
    };
    reader.onerror = () => reject(new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}
