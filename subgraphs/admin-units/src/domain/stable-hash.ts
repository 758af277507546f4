import { hashString } from '@ntm/kit';

/** A stable number in [0, 1) for a text, the same on every machine and run (the kit's FNV-1a hashString). */
export function stableFraction(text: string): number {
  return hashString(text) / 0x1_0000_0000;
}
