/**
 * SSDA903 care-leaver codes (domain.md §3.4): table OC3, fields IN_TOUCH, ACTIV, ACCOM.
 */
export const IN_TOUCH = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;
export type InTouch = (typeof IN_TOUCH)[number];

export const ACTIV_EET = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'] as const;
export const ACTIV_NEET = ['G4', 'G5', 'G6'] as const;
/** Legacy codes (replaced by F4/P4 and F5/P5): accepted in history, counted as EET, not for new returns. */
export const ACTIV_LEGACY = ['F3', 'P3'] as const;
export const ACTIV = [...ACTIV_EET, ...ACTIV_NEET, '0'] as const;
export type Activ = (typeof ACTIV)[number];

/** Valid ACCOM values per rule 133: every type with 1 or 2, except no fixed abode (S2 only) and custody (X2 only), and 0. */
export const ACCOM = ['B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0'] as const;
export type Accom = (typeof ACCOM)[number];

export const isEet = (a: string) => (ACTIV_EET as readonly string[]).includes(a) || (ACTIV_LEGACY as readonly string[]).includes(a);
export const isNeet = (a: string) => (ACTIV_NEET as readonly string[]).includes(a);
export const isSuitable = (a: string) => a.length === 2 && a.endsWith('1');
export const isUnsuitable = (a: string) => a.length === 2 && a.endsWith('2');
