import type { IsoDate } from '../dates';

/**
 * The national catalogue (domain.md §2), with where each fact comes from. Amounts are integer
 * pence and dated: the amount in force on the relevant date is the one that applies.
 */
export type CatalogueStatus = 'in_force' | 'guidance_minimum' | 'local_discretion' | 'announced' | 'prospective';

export interface DatedAmount {
	from: IsoDate;
	to?: IsoDate; // inclusive
	pence: number;
}

export interface CatalogueItem {
	id: EntitlementId;
	payer: string;
	legalBasis: string;
	status: CatalogueStatus;
	sourceUrl: string;
	confidence: 'S' | 'S2' | 'M' | 'I';
	amounts: DatedAmount[];
}

export type EntitlementId =
	| 'setting_up_home'
	| 'apprenticeship_bursary'
	| 'he_bursary'
	| 'bursary_16_19'
	| 'staying_put'
	| 'pa_support'
	| 'council_tax'
	| 'shared_accommodation_exemption'
	| 'priority_need'
	| 'junior_isa'
	| 'uc_pre_claim'
	| 'free_prescriptions'
	| 'care_leaver_covenant';

export const CATALOGUE: Record<EntitlementId, CatalogueItem> = {
	setting_up_home: {
		id: 'setting_up_home', payer: 'Your council (the one that last looked after you)', legalBasis: 'Children Act 1989 guidance vol. 3, Appendix E',
		status: 'guidance_minimum', confidence: 'S', sourceUrl: 'https://coramvoice.org.uk/latest/the-grand-campaign-3000-for-every-care-leaver-clear-rights-fair-support-and-freedom-to-choose',
		amounts: [{ from: '2000-01-01', to: '2023-03-31', pence: 200_000 }, { from: '2023-04-01', pence: 300_000 }]
	},
	apprenticeship_bursary: {
		id: 'apprenticeship_bursary', payer: 'DfE, through your training provider', legalBasis: 'DfE apprenticeships care leavers’ bursary policy',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.gov.uk/government/publications/apprenticeships-bursary-for-care-leavers/apprenticeships-care-leavers-bursary-policy-summary',
		amounts: [{ from: '2018-08-01', to: '2023-07-31', pence: 100_000 }, { from: '2023-08-01', pence: 300_000 }]
	},
	he_bursary: {
		id: 'he_bursary', payer: 'Your council', legalBasis: 's23C(5A) Children Act 1989; Higher Education Bursary (England) Regulations 2009',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.legislation.gov.uk/ukdsi/2009/9780111480663', amounts: [{ from: '2008-09-01', pence: 200_000 }]
	},
	bursary_16_19: {
		id: 'bursary_16_19', payer: 'Your school or college', legalBasis: '16 to 19 Bursary Fund (vulnerable groups)',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.gov.uk/1619-bursary-fund', amounts: [{ from: '2011-09-01', pence: 120_000 }]
	},
	staying_put: {
		id: 'staying_put', payer: 'Your council (to your former foster carer)', legalBasis: 's23CZA Children Act 1989',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.legislation.gov.uk/ukpga/1989/41/section/23CZA', amounts: []
	},
	pa_support: {
		id: 'pa_support', payer: 'Your council', legalBasis: 's23C and s23CZB Children Act 1989 (to 25 on request, from 1 April 2018)',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.legislation.gov.uk/ukpga/2017/16/section/3', amounts: []
	},
	council_tax: {
		id: 'council_tax', payer: 'Your district or unitary council', legalBasis: 's13A(1)(c) Local Government Finance Act 1992 (local discretion)',
		status: 'local_discretion', confidence: 'S2', sourceUrl: 'https://www.legislation.gov.uk/ukpga/1992/14/section/13A', amounts: []
	},
	shared_accommodation_exemption: {
		id: 'shared_accommodation_exemption', payer: 'DWP (Universal Credit) or your council (Housing Benefit)', legalBasis: 'Shared Accommodation Rate exemption for care leavers under 25 (from 31 May 2021)',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.gov.uk/housing-benefit', amounts: []
	},
	priority_need: {
		id: 'priority_need', payer: 'Your local housing authority', legalBasis: 'Housing Act 1996 Part 7; Homelessness (Priority Need) (England) Order 2002',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.gov.uk/guidance/homelessness-code-of-guidance-for-local-authorities/chapter-22-care-leavers', amounts: []
	},
	junior_isa: {
		id: 'junior_isa', payer: 'DfE, through The Share Foundation', legalBasis: 'Junior ISAs for looked-after children (statutory guidance)',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.gov.uk/government/publications/junior-isas-for-looked-after-children', amounts: [{ from: '2011-11-01', pence: 20_000 }]
	},
	uc_pre_claim: {
		id: 'uc_pre_claim', payer: 'DWP (Jobcentre Plus)', legalBasis: 'DWP Care Leaver Covenant offer',
		status: 'in_force', confidence: 'S', sourceUrl: 'https://www.gov.uk/government/publications/department-for-work-and-pensions-care-leaver-covenant-offer/department-for-work-and-pensions-care-leaver-covenant-offer', amounts: []
	},
	free_prescriptions: {
		id: 'free_prescriptions', payer: 'NHS', legalBasis: 'DHSC announcement, 23 December 2025 (not yet in force)',
		status: 'announced', confidence: 'S2', sourceUrl: 'https://www.gov.uk/government/organisations/department-of-health-and-social-care', amounts: []
	},
	care_leaver_covenant: {
		id: 'care_leaver_covenant', payer: 'Employers and organisations that sign the Covenant', legalBasis: 'Care Leaver Covenant (DfE-funded)',
		status: 'in_force', confidence: 'S2', sourceUrl: 'https://mycovenant.org.uk', amounts: []
	}
};

/** The amount in force on `date` (pence), or null if the item has no amount then. */
export function amountOn(item: CatalogueItem, date: IsoDate): number | null {
	const found = item.amounts.find((a) => a.from <= date && (!a.to || date <= a.to));
	return found ? found.pence : null;
}
