/** Reads the packaged classification file `data/product-classes-2026.csv` (works from src/ and dist/). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseProductClasses, ProductClass } from './domain/classes';

export const PRODUCT_CLASSES_FILE = join(__dirname, '..', 'data', 'product-classes-2026.csv');

export function loadProductClasses(file: string = PRODUCT_CLASSES_FILE): ProductClass[] {
  return parseProductClasses(readFileSync(file, 'utf8'));
}
