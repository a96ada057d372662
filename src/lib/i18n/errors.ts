import { m } from '$lib/paraglide/messages';

/** Server actions answer with short codes; the page turns them into words in the reader's language. */
const MESSAGES: Record<string, () => string> = {
	invalid: m.err_invalid,
	email_missing: m.err_email_missing,
	email_format: m.err_email_format,
	password_missing: m.err_password_missing,
	wrong: m.err_sign_in_wrong,
	too_short: m.err_password_too_short,
	too_long: m.err_password_too_long,
	too_common: m.err_password_too_common,
	confirm_mismatch: m.err_password_confirm,
	name_missing: m.err_name_missing,
	name_too_long: m.err_name_too_long,
	role_missing: m.err_role_missing,
	email_taken: m.err_email_taken,
	adviser_missing: m.err_adviser_missing,
	already_their_pa: m.err_already_their_pa,
	date_missing: m.err_date_missing,
	date_invalid: m.err_date_invalid,
	date_order: m.err_date_order,
	date_past: m.err_date_past,
	source_missing: m.err_source_missing,
	not_eligible: m.err_not_eligible,
	money_empty: m.err_money_empty,
	money_not_a_number: m.err_money_not_a_number,
	money_too_many_decimals: m.err_money_too_many_decimals,
	money_negative: m.err_money_negative,
	money_too_large: m.err_money_too_large,
	item_missing: m.err_item_missing,
	item_too_long: m.err_item_too_long,
	decline_reason_missing: m.err_decline_reason_missing,
	date_future: m.err_date_future,
	entry_missing: m.err_entry_missing,
	direction_missing: m.err_direction_missing,
	correction_reason_missing: m.err_correction_reason_missing,
	claim_state_missing: m.err_claim_state_missing,
	would_go_below_zero: m.err_would_go_below_zero,
	not_whole_pence: m.err_not_whole_pence,
	not_positive: m.err_not_positive,
	corrects_nothing: m.err_corrects_nothing,
	title_missing: m.err_title_missing,
	title_too_long: m.err_title_too_long,
	description_missing: m.err_description_missing,
	age_range: m.err_age_range,
	age_order: m.err_age_order,
	flag_kind_missing: m.err_flag_kind_missing,
	note_too_long: m.err_note_too_long,
	update_missing: m.err_update_missing,
	notice_too_far_ahead: m.err_notice_too_far_ahead,
	notice_too_long_ago: m.err_notice_too_long_ago,
	flag_action_missing: m.err_flag_action_missing,
	consent_missing: m.err_consent_missing,
	consent_date_missing: m.err_consent_date_missing,
	authority_missing: m.err_authority_missing,
	referral_needs_consent: m.err_referral_needs_consent,
	referral_before_consent: m.err_referral_before_consent,
	outcome_missing: m.err_outcome_missing,
	resolution_missing: m.err_resolution_missing,
	accom_missing: m.err_accom_missing,
	accom_unknown: m.err_accom_unknown,
	accom_never_suitable: m.err_accom_never_suitable,
	adult_name_missing: m.err_adult_name_missing,
	adult_relationship_missing: m.err_adult_relationship_missing,
	mentor_kind_missing: m.err_mentor_kind_missing,
	area_too_long: m.err_area_too_long,
	score_missing: m.err_score_missing,
	score_range: m.err_score_range,
	date_before_birth: m.err_date_before_birth,
	contact_method_missing: m.err_contact_method_missing,
	in_touch_missing: m.err_in_touch_missing
};

export function errorText(code: string | undefined): string | undefined {
	if (!code) return undefined;
	return (MESSAGES[code] ?? m.err_invalid)();
}

/** The error summary list for a form, in the order the fields appear. */
export function summaryOf(errors: Record<string, string> | undefined, order: string[]): { field: string; message: string }[] {
	if (!errors) return [];
	return order.filter((f) => errors[f]).map((field) => ({ field, message: errorText(errors[field]) ?? '' }));
}
