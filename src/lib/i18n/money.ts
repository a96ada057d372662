import { m } from '$lib/paraglide/messages';

// The engine speaks in codes (src/lib/domain/entitlements); these turn them into words. Listed
// one by one (not looked up by name) so the bundler keeps only these messages on this page.
const NAMES: Record<string, () => string> = {
	setting_up_home: m.ent_name_setting_up_home,
	apprenticeship_bursary: m.ent_name_apprenticeship_bursary,
	he_bursary: m.ent_name_he_bursary,
	bursary_16_19: m.ent_name_bursary_16_19,
	staying_put: m.ent_name_staying_put,
	pa_support: m.ent_name_pa_support,
	council_tax: m.ent_name_council_tax,
	shared_accommodation_exemption: m.ent_name_shared_accommodation_exemption,
	priority_need: m.ent_name_priority_need,
	junior_isa: m.ent_name_junior_isa,
	uc_pre_claim: m.ent_name_uc_pre_claim,
	free_prescriptions: m.ent_name_free_prescriptions,
	care_leaver_covenant: m.ent_name_care_leaver_covenant
};

const REASONS: Record<string, () => string> = {
	setting_up_home: m.ent_reason_setting_up_home,
	setting_up_home_moved_in: m.ent_reason_setting_up_home_moved_in,
	setting_up_home_move_unknown: m.ent_reason_setting_up_home_move_unknown,
	from_16: m.ent_reason_from_16,
	he_start_before_25: m.ent_reason_he_start_before_25,
	he_started_at_25: m.ent_reason_he_started_at_25,
	priority_need_vulnerable_21: m.ent_reason_priority_need_vulnerable_21,
	not_a_care_leaver: m.ent_reason_not_a_care_leaver,
	apprenticeship_start_before_25: m.ent_reason_apprenticeship_start_before_25,
	apprenticeship_if_you_start: m.ent_reason_apprenticeship_if_you_start,
	apprenticeship_started_at_25: m.ent_reason_apprenticeship_started_at_25,
	apprenticeship_before_scheme: m.ent_reason_apprenticeship_before_scheme,
	apprenticeship_on_programme: m.ent_reason_apprenticeship_on_programme,
	he_former_relevant_only: m.ent_reason_he_former_relevant_only,
	he_when_former_relevant: m.ent_reason_he_when_former_relevant,
	he_if_you_go: m.ent_reason_he_if_you_go,
	he_course_too_early: m.ent_reason_he_course_too_early,
	he_on_course: m.ent_reason_he_on_course,
	bursary_16_19_age: m.ent_reason_bursary_16_19_age,
	bursary_16_19_in_education: m.ent_reason_bursary_16_19_in_education,
	staying_put_talk: m.ent_reason_staying_put_talk,
	staying_put_living: m.ent_reason_staying_put_living,
	staying_put_not_fostered: m.ent_reason_staying_put_not_fostered,
	pa_advice_and_assistance: m.ent_reason_pa_advice_and_assistance,
	pa_to_21: m.ent_reason_pa_to_21,
	pa_on_request_to_25: m.ent_reason_pa_on_request_to_25,
	council_tax_local: m.ent_reason_council_tax_local,
	sar_exemption: m.ent_reason_sar_exemption,
	priority_need_18_20: m.ent_reason_priority_need_18_20,
	uc_pre_claim: m.ent_reason_uc_pre_claim,
	covenant: m.ent_reason_covenant,
	jisa_one_year_in_care: m.ent_reason_jisa_one_year_in_care,
	jisa_child_trust_fund: m.ent_reason_jisa_child_trust_fund,
	jisa_yours_at_18: m.ent_reason_jisa_yours_at_18,
	announced_not_in_force: m.ent_reason_announced_not_in_force
};

const KEY_DATES: Record<string, () => string> = {
	moved_in: m.ent_key_moved_in,
	instalment_1: m.ent_key_instalment_1,
	instalment_2: m.ent_key_instalment_2,
	instalment_3: m.ent_key_instalment_3,
	birthday_18: m.ent_key_birthday_18,
	birthday_21: m.ent_key_birthday_21,
	birthday_25: m.ent_key_birthday_25
};

export const entitlementName = (id: string): string => (NAMES[id] ?? (() => id))();
export const entitlementReason = (code: string): string => (REASONS[code] ?? m.ent_ask_pa)();
export const keyDateLabel = (label: string): string => (KEY_DATES[label] ?? (() => label))();

/** A money source by name: a national entitlement, or a local offer item's own title. */
export const sourceName = (s: { catalogueId: string | null; title: string | null }): string => (s.catalogueId ? entitlementName(s.catalogueId) : (s.title ?? ''));

const REQUEST_STATES: Record<string, () => string> = {
	asked: m.money_state_asked,
	confirming: m.money_state_confirming,
	approved: m.money_state_approved,
	declined: m.money_state_declined,
	paid: m.money_state_paid
};
export const requestStateLabel = (state: string): string => (REQUEST_STATES[state] ?? (() => state))();
export const requestStateColour = (state: string): 'blue' | 'green' | 'red' | 'turquoise' =>
	state === 'paid' ? 'green' : state === 'declined' ? 'red' : state === 'approved' ? 'turquoise' : 'blue';

const CLAIM_STATES: Record<string, () => string> = {
	not_started: m.claim_state_not_started,
	asked: m.claim_state_asked,
	in_progress: m.claim_state_in_progress,
	approved: m.claim_state_approved,
	paid: m.claim_state_paid,
	part_paid: m.claim_state_part_paid,
	declined: m.claim_state_declined
};
export const claimStateLabel = (state: string): string => (CLAIM_STATES[state] ?? (() => state))();

const DATE_KINDS: Record<string, () => string> = {
	starts: m.dates_kind_starts,
	ends: m.dates_kind_ends,
	instalment_1: m.ent_key_instalment_1,
	instalment_2: m.ent_key_instalment_2,
	instalment_3: m.ent_key_instalment_3,
	birthday_18: m.ent_key_birthday_18,
	birthday_21: m.ent_key_birthday_21,
	birthday_25: m.ent_key_birthday_25
};
export const dateKindLabel = (kind: string): string => (DATE_KINDS[kind] ?? (() => kind))();
