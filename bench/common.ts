// What every benchmark script shares: the project's root and the arithmetic of its figures.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const round2 = (x: number) => Math.round(x * 100) / 100;
