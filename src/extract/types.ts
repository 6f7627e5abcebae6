// Shared names of the extraction domain, from the contract's schema.
import type { Fact } from '../schema.js';

export type Qualifier = Fact['qualifier'];
export type Measure = Fact['measure'];
export type Kind = Fact['kind'];
