export const ROLES = ['young_person', 'adviser', 'mentor', 'manager'] as const;
export type Role = (typeof ROLES)[number];
