# Pelita — English (source language).
app-name = Pelita
skip-to-content = Skip to content
translation-note = This translation awaits review by a native speaker.
language = Language
nav-my-work = My work
nav-register = Register a child
nav-search = Search
nav-admin = Administration
nav-audit = Audit and access logs
nav-profile = Profile
sign-out = Sign out
demo-banner = Demonstration data. Second-factor sign-in is turned off.

## Sign-in
signin-title = Sign in
username = Username
password = Password
signin-button = Sign in
signin-failed = The username or password is not right, or the account is locked for a few minutes after repeated attempts.
session-expired = Your session ended. Please sign in again.
totp-title = Second step
totp-code = Six-digit code from your authenticator app
totp-verify = Verify
totp-failed = That code is not right or was already used.
totp-enrol-title = Set up your authenticator app
totp-enrol-help = Scan this code with an authenticator app, or type the key below, then enter the six-digit code it shows.
totp-secret = Key
totp-enrolled = Your authenticator app is set up.

## My work
mywork-title = My work
mywork-empty = No cases are assigned to you.
mywork-count = { $count ->
    [one] One case is assigned to you.
   *[other] { $count } cases are assigned to you.
}
col-reference = Reference
col-child = Child
col-age = Age
col-status = Status
col-priority = Priority
col-updated = Updated

## Register
register-title = Register a child
register-intro = Before saving, Pelita shows children already on record with similar names, so that the same child is not registered twice.
given-name = Given name(s)
family-name = Family name
family-name-hint = Leave empty if the child has none.
latin-transliteration = In Latin letters (optional)
alias = Other name or alias (optional)
sex = Sex
sex-female = Female
sex-male = Male
sex-other = Other
sex-not_recorded = Not recorded
birth = Date of birth
birth-precision = How precisely is it known?
precision-exact = Exact date
precision-month = Month and year
precision-year = Year only
precision-estimated = Estimated age
precision-unknown = Unknown
birth-date = Date
birth-year = Year
birth-month = Month
estimated-age = Estimated age in years
estimated-margin = Give or take (years)
evidence = Source of the date of birth
evidence-document = Document
evidence-assessment = Age assessment
evidence-declaration = Declaration
priority = Priority
priority-high = High
priority-medium = Medium
priority-low = Low
priority-reason = Reason for the priority
recruitment-known = Circumstances of recruitment or association are known
association = Association
association-recruited = Recruited or used by a group
association-through_family = Through a parent or relative
association-travelled_with_family = Travelled abroad with family
association-born_abroad = Born abroad to parents linked to a group
association-other = Other
register-check = Check for existing records
register-save = Register
register-anyway = None of these is the same child: register
matches-title = Children already on record with similar names
matches-none = No child on record has a similar name.
match-likely = Likely the same child
match-possible = Possibly the same child
register-done = The child was registered as { $reference }.

## Case
case-title = Case { $reference }
victim-recognised = Recognised as a victim of recruitment and exploitation
victim-not-recorded = Circumstances not yet recorded
age = Age
age-unknown = Unknown
age-years = { $range } years
presumed-child = Treated as a child (presumption of minority)
age-precision = Precision: { $precision }
status = Status
status-identified = Identified
status-registered = Registered
status-assessed = Assessed
status-planned = Planned
status-in_progress = In progress
status-closed = Closed
status-transferred = Transferred
assigned-to = Assigned to
unassigned = Not assigned
section-status = Status
section-identity = Identity
section-contact = Contact
section-circumstances = Circumstances
section-psychosocial = Psychosocial
section-health = Health
section-education = Education
section-family = Family
section-justice = Justice
section-plan = Plan
section-participation = Participation
section-restricted = Restricted: your role and relationship to this case do not include this section.
section-justify = You may open this section in an emergency. Write why; the case's supervisor will be told.
justification = Why you need to read this now
open-section = Open this section
nothing-recorded = Nothing recorded yet.
aliases = Other names
erased = This child's data was erased.
notes = Case notes
add-note = Add a note
note-text = Note
note-save = Save note
terminology-warning = Consider other wording: “{ $term }”. Suggested: { $alternatives }.
history = History
history-empty = No changes recorded.
move-to = Move the case to
move-reason = Reason (needed to close or transfer)
move-button = Move

## Search
search-title = Search
search-button = Search
search-none = No child found.
search-results = Children found

## Profile
profile-title = Profile
change-password = Change password
current-password = Current password
new-password = New password
password-changed = Your password was changed.
active-sessions = Active sessions
end-other-sessions = End my other sessions
other-sessions-ended = Your other sessions were ended.
session-started = Started
session-last-seen = Last active
this-session = This session
save = Save

## Administration
admin-title = Administration
admin-no-case-content = Administrators manage users and agencies; they do not see case content.
users = Users
agencies = Agencies
create-user = Create a user
create-agency = Create an agency
display-name = Full name
role = Role
agency = Agency
agency-code = Code
agency-name = Name
sector = Sector
jurisdiction = Jurisdiction
disable = Disable
disabled = Disabled
active = Active
role-case_worker = Case worker
role-supervisor = Supervisor
role-psychologist = Psychologist
role-health = Health worker
role-education = Teacher or education officer
role-justice = Justice officer
role-security_liaison = Security liaison
role-researcher = Researcher
role-administrator = Administrator
role-auditor = Auditor
sector-child_protection = Child protection and social welfare
sector-health = Health
sector-education = Education
sector-justice = Justice
sector-security = Security
sector-civil_society = Civil society
user-created = The user was created.
agency-created = The agency was created.

## Audit
audit-title = Audit log
access-log-title = Access log
audit-chain-ok = The audit chain is intact ({ $events } events).
audit-chain-broken = The audit chain is broken: { $detail }
col-time = Time
col-actor = Who
col-action = Action
col-subject = Subject
col-section = Section
col-justification = Justification
who-viewed = Who viewed this case

## Errors
error-required = This field is required.
error-too-long = This is too long (at most { $max } characters).
error-control-characters = This contains characters that are not allowed.
error-impossible-date = This date does not exist.
error-date-in-future = This date is in the future.
error-implausible-age = This age is not plausible.
error-invalid = This value is not valid.
error-reason-required = A reason is required.
error-invalid-transition = The case cannot move to that status from where it is.
error-victim-status-permanent = Recognised victim status cannot be removed.
error-password-short = Use at least 12 characters.
error-password-long = Use at most 128 characters.
error-password-common = This password is too common; choose another.
error-password-wrong = The current password is not right.
error-csrf = This form expired. Please try again.
error-not-found = Not found.
error-forbidden = You do not have access to this.
error-too-large = What you sent is too large.
error-method-not-allowed = This address does not accept that kind of request.
error-timeout = What you sent did not arrive in time. Nothing was saved. Please try again.
error-too-many-requests = Too many requests came from your network. Nothing was saved. Please wait a moment and try again.
error-busy = Pelita is busy. Nothing was saved. Please try again in a moment.
error-generic = Something went wrong. Nothing was saved. Please try again.
error-halted = Writes are stopped after a storage error: restart Pelita. Until then nothing can be saved; reading still works. After the restart, check whether your last change was saved.
error-conflict = { $detail }
errors-above = Please correct the marked fields.

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Alerts
alerts-title = Alerts
alert-break-glass = A colleague opened a restricted section of a case with a justification.

## Editing
edit-identity = Correct names, sex or age
add-age-evidence = Add evidence of age (leave empty to keep the age as it is)
account-actions = Change an account
account-action = What to do
change-role = Change the role
reset-second-factor = Reset the second factor (lost phone)

## Consent ledger (issue 5)
consent-heading = Consent and assent
consent-empty = Nothing is recorded in the consent ledger yet.
consent-ledger = Ledger (every entry is kept)
consent-standing = Where each purpose stands today
consent-voice-not_asked = At this age a caregiver or guardian consents; the child is told what will happen.
consent-voice-assent = At this age the child assents and a caregiver or guardian consents. The child's refusal counts.
consent-voice-consent = At this age the child gives informed consent.
consent-purpose-assessment = Assessment
consent-purpose-information_sharing = Sharing information with other agencies
consent-purpose-research = Research use (without identifying the child)
consent-purpose-photographs = Photographs
consent-purpose-referral = Referral to { $sector }
consent-giver-child = The child
consent-giver-caregiver = Caregiver
consent-giver-guardian = Legal guardian
consent-party-child = The child
consent-party-caregiver = A caregiver or guardian
consent-decision-given = Given
consent-decision-refused = Refused
consent-decision-withdrawn = Withdrawn
consent-state-given = { $party }: agreed on { $date }
consent-state-missing = { $party }: not yet asked
consent-state-refused = { $party }: refused on { $date }
consent-state-withdrawn = { $party }: withdrawn on { $date }
consent-state-expired = { $party }: lapsed on { $date }
consent-allows = Agreed
consent-blocked = Not agreed
consent-purpose = Purpose
consent-giver = Given by
consent-decision = Decision
consent-date = Date
consent-expires = Expires (optional)
consent-note = How it was explained and who was present (optional)
consent-record = Add to the ledger
consent-recorded-by = Recorded by
error-consent-nothing-to-withdraw = There is no consent from this person for this purpose to withdraw.

## Referrals (issue 5)
referrals-heading = Referrals
referrals-empty = This case has not been referred.
referrals-inbox = Referrals to your agency
referral-new = Refer to another agency
referral-to = Refer to
referral-sections = Sections shared
referral-reason = Why, and what the child needs from this service
referral-override = Supervisor's override of the consent ledger (only when consent does not allow this referral)
referral-override-help = Leave empty unless you are a supervisor and the child's safety needs this referral without consent. The justification is kept, audited and shown with the referral.
referral-send = Send the referral
referral-overridden = Sent without consent on a supervisor's override:
referral-answer = Answer
referral-feedback = Feedback on completion
referral-decision = Decision
referral-accept = Accept
referral-decline = Decline (a reason is required)
referral-answer-reason = Reason or comment
referral-answer-send = Send
referral-status-pending = Waiting for an answer
referral-status-accepted = Accepted
referral-status-declined = Declined
referral-status-completed = Completed
error-consent-required = The consent ledger does not allow this referral. Record the consent first; a supervisor may override with a written justification.
error-override-not-allowed = Only a supervisor may override the consent ledger, with a justification of at least 20 characters.

## Alerts on my cases (issue 5)
alert-changed = { $who } changed a case assigned to you: { $what }.
alert-open-case = Open the case
alert-what-circumstances = circumstances recorded
alert-what-status = status changed
alert-what-priority = priority changed
alert-what-note = a note added
alert-what-referral = a referral sent
alert-what-consent = the consent ledger
alert-what-referral_answer = a referral answered
alert-what-case = the case

## Assessments (issue 5)
assessment-new = New resilience and needs assessment
assessment-no-score = Strengths and needs per domain; no overall score.
assessment-guard = Before you interview the child again
assessment-first = No one has assessed this child yet.
assessment-guard-intro = Already recorded: read it before asking the child again.
assessment-repeat-warning = The last interview was { $days } days ago ({ $count } so far). Another one this soon can harm the child: use what is recorded where you can.
assessment-date = Date of the assessment
assessment-language = Language used
assessment-assent = The child's assent
assessment-assent-given = The child agreed
assessment-assent-refused = The child did not agree (nothing else is recorded)
assessment-assent-not_asked = Not asked (say why below)
assessment-present = Who was present, and anything about the setting
assessment-kind-strength = strength
assessment-kind-need = need
assessment-only-if = Answer only if "{ $question }" is { $answer }.
assessment-save = Save the assessment
assessment-refused-assent = The child did not agree: no answers can be recorded.
assessment-summary = Assessments by domain
assessment-summary-cell = { $strengths } strengths · { $needs } needs ({ $answered }/{ $asked })
assessment-domain = Domain
answer-yes = yes
answer-no = no
answer-group = the group
answer-community = the community
answer-family = the family
answer-other = other

## Reintegration plan (issue 5)
plan-heading = Individual reintegration plan
plan-none = No plan yet.
plan-draft = Draft, awaiting a supervisor's approval
plan-approved = Approved
plan-child-views = The child's views
plan-caregiver-views = The caregiver's views
plan-why-not = Or why they could not be recorded
plan-views-missing = Not recorded yet
plan-views-not-possible = Could not be recorded: { $why }
plan-review-on = Next review
plan-edit = Edit the plan
plan-add-goal = Add a goal
plan-goal-kind = Kind of goal
plan-kind-reintegration = Rehabilitation and reintegration
plan-kind-disengagement = Support to disengage (optional)
plan-goal = Goal, in words the child understands
plan-action = First action or service
plan-action-agency = Responsible agency
plan-action-due = Due
plan-save = Save the plan
plan-approve = Approve the plan
error-supervisor-only = Only a supervisor may approve this.
error-assessment-required = The plan cannot be approved before the child has been assessed.
error-child-views-required = The plan cannot be approved without the child's views, or a record of why they could not be given.

## Closure and follow-up (issue 5)
followup-heading = Follow-up after closure
followup-due = Due
followup-done = done
followup-record = Record the next follow-up
followup-family = Living with family or in family-based care
followup-school = In school or training
followup-support = Access to health and psychosocial support
followup-acceptance = Accepted by the community (0 rejected – 3 fully)
followup-no-reassociation = No renewed association with the group
followup-child-view = The child's own view
followup-save = Save the follow-up
alerts-mark-read = Mark all as read

## Case conferences, tasks, household (issue #5)
alert-what-assessment = an assessment recorded
alert-what-plan = the plan changed
alert-what-plan_approved = the plan approved
alert-what-conference = a case conference recorded
alert-what-family = the household changed
alert-task = { $who } gave you a task from a case conference.
error-child-protection-lead-required = Decisions on placement, a detention recommendation, repatriation or separation from a parent need a child-protection lead among the participants.
error-child-not-heard = A decision is recorded only with the child's views, or a record of why they could not be given.
error-conference-minutes = Write the minutes of the conference.
error-best-interests-required = Every decision needs its best-interests justification.
error-invalid-dissent = Name the participant who disagreed, as listed among the participants.
conference-heading = Case conferences
conference-none = No case conference has been recorded.
conference-held-on = Held on
conference-participants = Participants
conference-participants-hint = At least two people. Leave a row empty if it is not needed.
conference-participant-name = Name
conference-participant-org = Agency or organisation
conference-participant-role = Role in the conference
conference-minutes = Minutes
conference-best-interests = Why this is in the child's best interests
conference-dissent = Dissent
conference-dissent-by = Who disagreed (name as listed)
conference-decision = Decision
conference-decision-kind = Type of decision
conference-decision-text = What was decided
conference-lead-hint = Placement, a detention recommendation, repatriation and separation from a parent are decided only with a child-protection lead present.
conference-tasks = Follow-up tasks
conference-tasks-hint = Without a date, a task is due by its priority: high within 24 hours, medium within 3 days, low within 7 days.
conference-task-text = Task
conference-task-assignee = Who will do it
conference-task-due = Due by
conference-record = Record a case conference
conference-save = Save the conference
conference-role-child_protection_lead = child-protection lead
conference-role-case_worker = case worker
conference-role-psychologist = psychologist
conference-role-health_worker = health worker
conference-role-teacher = teacher
conference-role-legal_aid = legal aid
conference-role-justice = justice
conference-role-caregiver = caregiver
conference-role-child = the child
conference-role-other = other
conference-kind-care_plan = care plan
conference-kind-placement = placement
conference-kind-detention_recommendation = detention recommendation
conference-kind-repatriation = repatriation
conference-kind-separation_from_parent = separation from a parent
conference-kind-referral = referral
conference-kind-closure = closure
conference-kind-other = other
household-heading = Household and family
household-living = Where the child lives
household-none = No family members recorded.
household-caregiver = caregiver
household-lives-with-child = lives with the child
household-no-contact = no contact (protection concern)
household-edit = Edit the household
household-remove-hint = To remove someone, empty their name.
household-member = Family member
household-member-name = Name
household-kinship = Relationship to the child
kinship-mother = mother
kinship-father = father
kinship-sibling = brother or sister
kinship-grandparent = grandparent
kinship-aunt_or_uncle = aunt or uncle
kinship-other_relative = other relative
kinship-guardian = guardian
kinship-foster_carer = foster carer
kinship-other = other
living-with_parents = with parents
living-with_relatives = with relatives
living-foster_family = foster family
living-residential_centre = residential centre
living-detention = detention
living-independent = independently
living-unknown = not known
tasks-title = Tasks
tasks-none = Nothing is due.
task-due = due
task-mark-done = Done
task-kind-conference = Conference task
task-kind-assessment = First assessment
task-kind-plan_review = Plan review
task-kind-referral_answer = Answer a referral
task-kind-referral_awaited = Referral awaiting an answer
task-kind-follow_up = Follow-up
task-urgency-overdue = overdue
task-urgency-due_soon = due within 24 hours
task-urgency-later = later
action-status-planned = planned
action-status-in_progress = in progress
action-status-done = done
action-status-dropped = dropped
activity-stigma_reduction = stigma reduction
activity-school_re_entry = school re-entry
activity-vocational_training = vocational training
activity-peer_support = peer support
activity-family_support = family support
activity-recreation = recreation and sport
plan-action-status = Status of the action
plan-action-update = Update
plan-action-activity = Community activity
error-caregiver-no-contact = A caregiver cannot also be barred from contact with the child: correct one of the two.

## Interviews and the repeat-interview guard (issue #5)
error-repeat-interview-reason-required = The child was interviewed recently. Write why another interview cannot wait or be replaced by what is already recorded.
interview-heading = Interviews of this child
interview-count = { $count ->
    [one] The child has been interviewed once, on any case.
   *[other] The child has been interviewed { $count } times, on any case.
}
interview-repeat-warning = The last interview was { $days } days ago ({ $count } in all). Another one this soon can harm the child: use what is recorded where you can.
interview-assessment = assessment
interview-restricted = (purpose not shared with you)
interview-record = Record an interview
interview-date = Date held or planned
interview-purpose = Purpose
interview-purpose-psychosocial = psychosocial
interview-purpose-health = health
interview-purpose-education = education
interview-purpose-family = family tracing or family work
interview-purpose-justice = police, prosecution or court
interview-purpose-other = other
interview-reason = Why the child must be interviewed again
interview-reason-hint = Needed when the child was interviewed in the { $days } days before or after this date.
interview-save = Save the interview
assessment-chart = Strengths { $strengths_from } → { $strengths_to }, needs { $needs_from } → { $needs_to }, from the first assessment to the latest.
assessment-chart-legend = Under each domain: strengths over time (solid line) and needs (dashed line), first assessment on the left.
family-assessment-summary = Family assessments by domain
family-assessment-first = The family has not been assessed yet.
family-assessment-new = New family assessment
tasks-more = { $count ->
    [one] One more task, less urgent, is not shown here.
   *[other] { $count } more tasks, less urgent, are not shown here.
}

## Child justice (issue #6)
task-kind-detention = Detention clock
alert-forum = { $who } opened proceedings before a { $forum }: a child belongs before a court for children.
certainty-verified = verified in the text
certainty-mentioned = from a secondary source
certainty-unverified = not confirmed
justice-heading = Jurisdiction and proceedings
justice-macr = Minimum age of criminal responsibility: { $age }. Source: { $source }.
justice-qualified = Below { $age }, criminal responsibility only if maturity or discernment is established. Source: { $source }.
justice-detention-age = No detention below { $age }. Source: { $source }.
justice-pathway = Instead: { $pathway } (Source: { $source }.)
justice-forum = Forum
justice-forum-alert = This is not a court for children: child-justice safeguards apply in every forum, and the supervisor was alerted.
justice-offence = Alleged offence
justice-offence-on = Date of the alleged offence
justice-penalty = Statutory maximum penalty (years)
justice-penalty-years = Statutory maximum: { $years } years
justice-repeat = Repeat offence
justice-legal-aid = Legal aid
justice-parents-notified = Parents or guardian notified
justice-diversion-required = Diversion must be attempted for this offence. Source: { $source }.
justice-diversion-possible = Diversion is possible; the law does not make it mandatory here. Source: { $source }.
forum-children_court = court for children
forum-adult_court = adult court
forum-military_or_special_court = military or special court
proceeding-status-open = open
proceeding-status-diversion = diversion agreement
proceeding-status-formal = formal proceedings
proceedings-heading = Proceedings
proceedings-none = No proceedings recorded.
proceedings-open = Open proceedings
proceedings-formal = Move to formal proceedings
diversion-heading = Diversion assessment
diversion-first = No diversion assessment yet: it comes before formal proceedings.
diversion-record = Record the diversion assessment
diversion-outcome = Outcome
diversion-outcome-agreed = diversion agreed
diversion-outcome-not_agreed = attempted, not agreed
diversion-outcome-not_eligible = the law does not allow diversion for this offence
detention-heading = Detention register
detention-none = The child has not been detained.
detention-since = since
detention-ended = ended
detention-end-released = released
detention-end-transferred = transferred
detention-release-required-banner = Release is required by law now: the statutory limit has been reached.
detention-new = Register a detention episode
detention-last-resort = Detention is a last resort, for the shortest appropriate time. Record the order, its legal basis, the alternatives considered and why each was rejected.
detention-stage = Stage
detention-started-at = Detained since (local time)
detention-order = Order (reference)
detention-legal-basis = Legal basis
detention-alternatives = Alternatives considered and why they were rejected
detention-best-interests = Why this serves the child's best interests
detention-place = Place of detention
detention-separated = Held apart from adults
detention-register = Register the episode
detention-change = Change
detention-change-release = released
detention-change-review = legality reviewed
detention-change-extend = extended by order
detention-change-transfer = moved to the next stage or place
detention-extension-order = Extension order (reference and date), or the reasons where the law allows
error-below-minimum-age = The child is, or could be, below the minimum age of criminal responsibility: no criminal proceedings or detention, for any role.
error-diversion-first = A diversion assessment comes first: where the law makes the attempt mandatory it must be made, and an agreement keeps the child out of formal proceedings.
error-extension-order = An extension needs its order (or, where the law allows, the reasons).
clock-rule-limit = statutory limit
clock-rule-review = review of legality
clock-rule-charge = charge or release
clock-rule-final_decision = final decision
clock-rule-turnover = turnover to social welfare
clock-rule-handover = report and handover to social welfare
clock-rule-first_appearance = before a court or competent authority
clock-state-running = running
clock-state-warning = deadline near
clock-state-ended_in_time = ended in time
clock-state-ended_late = limit reached before release
detention-expiry-release_required = release required
detention-expiry-review_required = review overdue
detention-expiry-turnover_required = turnover overdue
detention-expiry-bring_before_authority = appearance overdue
stage-police_custody = police custody
stage-armed_conflict_custody = custody after armed conflict
stage-investigation = investigation
stage-prosecution = prosecution
stage-first_instance = first-instance court
stage-appeal = appeal
stage-cassation = cassation
stage-pretrial = pre-trial detention
stage-sentenced = sentenced
justice-expunge = Expunge the justice records
justice-expunge-hint = On a court order only. The key of this section is destroyed: proceedings, detention episodes and justice notes can never be read again, by anyone. The rest of the case stays.
justice-court-order = Court order (reference and date)
error-court-order = Expungement needs the court order.
contact-heading = Family contact while detained
contact-none = No family contact recorded. Visits should be weekly, and not less than monthly.
contact-kind = Kind
contact-record = Record the contact
contact-visit = visit
contact-call = call
contact-letter = letter
report-open = Social inquiry report
report-title = Social inquiry report — { $reference }
report-prepared = Prepared on { $date } by { $who }, from the records in Pelita.
report-print-hint = Print or save as PDF from the browser (Ctrl+P).
report-guard = The terminology guard found wording that stigmatises children. Change it in the plan before this report goes to the court:
report-child-victim = The child as a victim of recruitment and exploitation
report-victim = The child has been recognised as a victim since { $since }. Children associated with terrorist and armed groups are victims first; child-justice safeguards apply in full.
report-victim-not-recorded = Circumstances of recruitment or association are not recorded yet.
report-weigh = The child's victimisation must be weighed in these proceedings; alternatives to proceedings and to deprivation of liberty come first.
report-assessment = Strengths and needs (latest assessment)
report-strengths = Strengths and protective factors
report-needs = Needs
report-caregivers = { $count ->
    [one] One caregiver is recorded.
   *[other] { $count } caregivers are recorded.
}
report-detention = { $stage } from { $from }, { $days } days
report-footer = This report holds summaries only: no interview notes, no answers word for word, no narrative. It is confidential and may not be used in later adult proceedings (Beijing Rules r.21).
justice-sealed = These justice records are sealed: the case is closed or the child is 18. They open only against a court order recorded here.
justice-open-sealed = Record the court order that opens them
justice-opened-until = Opened by a court order until { $until }.
certainty-override = set by this deployment's administrator
jurisdiction-rules = Jurisdiction rules
override-title = Override a rule value
override-rule = Rule
override-value = New value
override-reason = Reason (the law, the date it took effect, or why this deployment differs; at least 20 characters)
override-save = Save the override
override-saved = The override is saved and shown beside the value.
override-key-macr = Minimum age of criminal responsibility
override-key-qualified_until = Age of full criminal responsibility (qualified below)
override-key-detention_min_age = Minimum age for detention
override-key-time_zone = Time zone for deadlines
error-override-reason = An override needs its reason, of at least 20 characters.
task-kind-diversion_breach = Diversion agreement breached
proceeding-status-diverted = diverted (agreement completed)
agreement-heading = Diversion agreement
agreement-record = Record the diversion agreement
agreement-conditions = Conditions
agreement-monitor = Who monitors them
agreement-until = Until
agreement-summary = { $conditions } — monitored by { $monitor }, until { $until }
agreement-event = What happened
agreement-event-completed = completed
agreement-event-breached = breached
agreement-completed-on = Completed on { $on }.
agreement-breached-on = Breached on { $on }: the proceedings may resume.
agreement-breached-due = Breached on { $on }: action is required by { $due } ({ $source }); the proceedings may resume.
justice-diversion-excluded = The law allows no diversion at this penalty. Source: { $source }.
justice-diversion-by = Diversion by { $by }.
task-kind-diversion_offer = Offer diversion

## Travel, origin and repatriation (issue 7)
abroad-title = Travel, origin and repatriation
abroad-intro = Where the child has been, who the child is on paper, and the child's return, decided for this child alone and in the child's best interests. Most children who travelled or were born abroad took no active role; the record starts from that.
repatriation-heading = Repatriation
repatriation-none = No repatriation has been opened for this child.
repatriation-open = Open the repatriation
repatriation-with = Travels with (case reference of a family member, optional)
repatriation-with-hint = Children of one family are linked, but every step and every decision is recorded for each child separately.
repatriation-with-unknown = No case with that reference that you may change.
repatriation-phase = Phase
repatriation-phase-before_border = Before the border
repatriation-phase-at_border = At the border
repatriation-phase-after_border = After the border
repatriation-placement = Placement
repatriation-group = Travelling with
repatriation-group-hidden = another child (not shared with you)
repatriation-group-hint = Each child is decided separately: a sibling's decision does not apply to this child.
repatriation-steps = Steps of the repatriation
repatriation-step = Step
repatriation-done = Done on
repatriation-outstanding = Outstanding
repatriation-step-identity_verification = Identity verification
repatriation-step-nationality_verification = Nationality verification
repatriation-step-best_interests_assessment = Best-interests assessment
repatriation-step-family_unity = Family unity considered
repatriation-step-consent_and_views = Consent and the child's views
repatriation-step-decision = Repatriation decision (case conference)
repatriation-step-arrival = Arrival
repatriation-step-health_check = Health check
repatriation-step-first_psychosocial = First psychosocial assessment
repatriation-step-documentation = Documentation
repatriation-step-reception = Reception (centre or family)
repatriation-step-reintegration_plan = Reintegration plan approved
repatriation-from-identity_verification = From a confirmed verification in the origin record
repatriation-from-nationality_verification = When the nationality is recorded as confirmed
repatriation-from-best_interests_assessment = From a best-interests assessment below
repatriation-from-decision = From a case conference's repatriation decision for this child
repatriation-from-arrival = Recorded with "Record the arrival"
repatriation-from-reception = From an admission to a centre or a placement with a family
repatriation-from-reintegration_plan = From the approved reintegration plan
repatriation-mark = Mark a step done
repatriation-arrival = Record the arrival
repatriation-arrival-hint = Only after a case conference has decided this child's repatriation, on or before the day of arrival.
repatriation-arrived-on = Arrived on
repatriation-place = Place with a family or in the community
placement-reception_centre = reception centre
placement-family = with the family
placement-family_based_care = family-based care
placement-community = in the community
origin-heading = Travel and origin
origin-none = Nothing recorded yet.
origin-edit = Record travel and origin
origin-child-role = The child's role
origin-no-active-role = No active role (the starting point; any other finding needs its source)
origin-role-hint = Leave the finding empty unless a source shows the child had a role. A finding is a claim about a child: it needs its source.
origin-finding = Finding about the child's role (only with a source)
origin-source = Source
origin-nationality = Nationality
origin-nationality-country = Country of nationality (confirmed or claimed)
nationality-unknown = unknown
nationality-confirmed = confirmed
nationality-claimed = claimed
nationality-disputed = disputed
nationality-at_risk_of_statelessness = at risk of statelessness
origin-birth-registration = Birth registration
birth-registration-unknown = unknown
birth-registration-registered = registered
birth-registration-not_registered = not registered
origin-born-abroad = Born abroad
origin-not-born-abroad = Not born abroad
origin-country = Country
origin-place = Place
origin-birth-documents = What documents the birth
origin-rows-hint = Rows left empty are not saved; empty a row's first field to remove it.
origin-stay = Country and period
origin-stay-kind = Kind of stay
origin-from = From
origin-to = To (empty while still there)
origin-still-there = still there
origin-partial-hint = Dates as precise as known: 2016, 2016-05 or 2016-05-14.
stay-kind-lived = lived
stay-kind-transit = transit
stay-kind-camp = camp
stay-kind-detention_abroad = detention abroad
origin-parent-link = A parent's link with a group
origin-parent = Parent
origin-link = The parent's link (about the parent, not the child)
parent-mother = Mother
parent-father = Father
parent-guardian = Guardian
origin-document = Identity document
origin-document-kind = Document
origin-document-held = Held or missing
origin-issued-by = Issued by
document-held = held
document-missing = missing
document-kind-birth_certificate = birth certificate
document-kind-passport = passport
document-kind-national_id = national identity card
document-kind-family_card = family card
document-kind-travel_document = travel document
document-kind-camp_registration = camp registration
document-kind-other = other document
origin-verification = Identity verification
origin-verification-method = How
origin-verification-result = Result
origin-verified-by = Verified by (person and body)
origin-verified-on = Verified on
verification-method-document = documents
verification-method-dna = DNA
verification-method-interview = interview
verification-method-biometric = biometrics
verification-method-other = other
verification-result-confirmed = confirmed
verification-result-not_confirmed = not confirmed
verification-result-pending = pending
country-BD = Bangladesh
country-ID = Indonesia
country-MY = Malaysia
country-MV = Maldives
country-PH = Philippines
country-SY = Syria
country-IQ = Iraq
country-TR = Türkiye
country-AF = Afghanistan
country-PK = Pakistan
country-IR = Iran
country-YE = Yemen
country-SO = Somalia
country-LY = Libya
country-EG = Egypt
country-JO = Jordan
country-LB = Lebanon
country-SA = Saudi Arabia
country-QA = Qatar
country-AE = United Arab Emirates
country-IN = India
country-LK = Sri Lanka
country-MM = Myanmar
country-TH = Thailand
country-SG = Singapore
country-BN = Brunei
country-other = another country
best-interests-heading = Best interests
best-interests-intro = A best-interests assessment looks at this child before any decision on repatriation. Separating a child from a parent needs a determination by a panel of at least three members who signed the undertaking of confidentiality.
best-interests-none = No best-interests assessment or determination yet.
bia-heading = Best-interests assessment
bia-record = Record a best-interests assessment
bia-depth = Kind of assessment
bia-depth-short = short
bia-depth-comprehensive = comprehensive
bia-findings = Findings (safety, care, family, health, development, identity)
bia-recommendation = Recommendation
panel-heading = Best-interests determination by a panel
panel-record = Record a panel determination
panel-intro = At least three members, each of whom signed the undertaking of confidentiality and declared no conflict of interest. Record dissent by the member's name.
panel-question = Question decided
panel-question-separation_from_parent = separation from a parent
panel-question-care_arrangement = care arrangement
panel-question-durable_solution = durable solution
panel-member = Panel member
panel-member-role = Profession or function
panel-undertaking = Signed the undertaking of confidentiality
panel-members = Members
panel-reasoning = Reasoning
panel-outcome = Determination
panel-review-on = Review on
reception-heading = Reception centre stays
reception-none = No stay in a reception centre.
reception-admit = Record an admission
reception-centre = Centre
reception-block = Block
reception-block-children = children
reception-block-families = families
reception-block-women = women
reception-block-men = men
reception-admitted = Admitted on
reception-every = Review every (days, 7 to 180)
reception-planned-release = Planned release
reception-days = Days in the centre
reception-next-review = Next review
reception-review-overdue = Review overdue since
reception-review = Review
reception-review-record = Record a review
reception-release = Record the release
reception-release-to = Released to
reception-released = Released
task-kind-reception_review = Reception centre review
error-best-interests-assessment-required = A repatriation decision needs a best-interests assessment of this child, dated on or before the conference. Record the assessment first.
error-panel-determination-required = Separating a child from a parent needs a best-interests determination by a panel, dated on or before the conference. Record the panel's determination first.
error-panel-too-small = A best-interests panel has at least three members.
error-repatriation-decision-required = The arrival is recorded only after a case conference has decided this child's repatriation (a sibling's decision does not count).
error-phase-not-reached = This step belongs to a later phase of the repatriation.
error-finding-source-required = A finding about a child's role, or a parent's link, needs its source.

## Indicators page (issue 7)
nav-indicators = Indicators
indicators-title = Indicators
indicators-intro = Aggregates computed from flags, dates and stages only: no figure names a child or opens a sealed record. A dash means there is nothing to count yet.
indicators-scope-agency = For your agency's cases.
indicators-scope-all = For every agency in this deployment.
indicators-repatriation = Children who travelled or were born abroad
indicators-justice = Child justice
indicator-none = —
indicator-children = Children with a travel and origin record or a repatriation
indicator-pct_identity_or_nationality_documented = With identity or nationality documented
indicator-pct_birth_registered = With birth registration
indicator-arrived = Arrived in the country
indicator-placed_in_family_or_community = Placed with a family or in the community after arrival
indicator-days_arrival_to_placement_mean = Days from arrival to family or community placement (mean)
indicator-days_arrival_to_placement_median = Days from arrival to family or community placement (median)
indicator-separation_decisions = Children with a decision on separation from a parent
indicator-pct_assessed_before_separation_decision = Of them, with a best-interests assessment before the decision
indicator-children_in_detention = Children deprived of liberty now
indicator-children_in_pre_sentence_detention = Of them, before a final judgment
indicator-pre_sentence_days_mean = Days in pre-sentence detention (mean)
indicator-pre_sentence_days_median = Days in pre-sentence detention (median)
indicator-pct_diverted = Proceedings ended in a diversion agreement
indicator-pct_custodial_sentences = Children in formal proceedings who served a custodial sentence
indicator-pct_not_separated_from_adults = Children detained now who are not wholly separated from adults
indicator-pct_family_contact_3_months = Children detained now with family contact in the last 3 months
indicator-pct_limit_reached_without_release = Detention episodes that reached a statutory limit without release (target 0)

## Date floor (issue 7)
error-date-too-early = That date is too early: nothing recorded here about a child in care today can be dated before 2000.

## Repatriation not pursued (issue 7)
repatriation-phase-not_pursued = Not pursued
repatriation-end = Record that the repatriation is not pursued
repatriation-end-hint = Before the border only: for example when the best-interests assessment advises against return, or the family declines. Nothing more is recorded until it is resumed.
repatriation-end-reason = Why
repatriation-ended = Not pursued since
repatriation-resume = Resume the repatriation
error-repatriation-ended = This child's repatriation is not being pursued. Resume it first.
alert-refusals = { $who } was refused { $count } reads in { $minutes } minutes: a pattern to check in the audit log.
circumstances-record = Record how the child came to be associated
circumstances-record-hint = Once recorded, the child is recognised as a victim of recruitment and exploitation, for good.
circumstances-record-button = Record and recognise as a victim
circumstances-already = The circumstances are already recorded: the child is a recognised victim.
alert-what-identity = the child's identity corrected
alert-what-team = the team or assignment changed
alert-what-interview = an interview recorded
alert-what-justice = the justice records changed
alert-what-repatriation = the repatriation changed
alert-what-task = a task marked done
refusals-title = Refused reads
refusals-none = No read was refused.

## wt-h6
admin-translations = Translations
admin-translations-intro = Messages in each language, and how many a native reviewer working in the field has confirmed. A confirmation is recorded beside the translation; the terms of each country's law are held in its glossary.
admin-messages = Messages
admin-confirmed = Confirmed by a native reviewer
admin-confirmed-count = { $confirmed } of { $messages }
admin-source-language = Source language

## wt-h8
journey-heading = The child's journey
journey-recorded = (recorded status: { $status })
journey-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
journey-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
journey-days-hours = { $days } { $hours }
journey-under-hour = less than an hour
next-heading = Next step:
next-detention-left = Detention: { $left } left
next-detention-over = Detention: the deadline passed { $left } ago
next-assessment-left = First assessment due in { $left }
next-assessment-over = First assessment overdue by { $left }
next-assessment = First assessment not yet recorded
next-plan-write = Write the reintegration plan
next-plan-approve = The plan is waiting for approval
next-review-in = Plan review due in { $left }
next-review-today = Plan review due today
next-review-over = Plan review overdue by { $left }
menu-label = Sections of this case
menu-empty = empty
menu-justify = needs a reason
line-restricted = Not shown to your role
timeline-heading = The child's journey so far
timeline-registered = Registered
timeline-assessed = Assessment
timeline-conference = Case conference
timeline-plan = Plan approved
timeline-referral = Referral to another agency
timeline-detention = Detention began
timeline-release = Released from detention
timeline-repatriation = Repatriation opened
timeline-arrival = Arrived home
timeline-reception = Admitted to a reception centre
timeline-closed = Case closed
viewers-views = { $count ->
    [one] 1 view
   *[other] { $count } views
}
viewers-last = last
viewers-justified = opened with a reason
viewers-more = { $count ->
    [one] and 1 more person
   *[other] and { $count } more people
}
history-child-register = Registered the child
history-child-update_identity = Corrected the child's identity: { $fields }
history-child-erase = Erased the child's personal data
history-case-record_circumstances = Recorded how the child came to be associated
history-case-move = Moved the case from { $from } to { $to }
history-case-priority = Changed the priority from { $from } to { $to }
history-case-assign = Assigned the case to { $name }
history-case-team_add = Added { $name } to the team
history-case-handed_over_by = Recorded who handed the child over
history-case-note = Added a note to { $section }
history-access-break_glass = Opened { $section } with a written reason
history-assessment-record = Recorded an assessment
history-interview-record = Recorded an interview
history-consent-record = Recorded a consent decision
history-referral-create = Referred the case to another agency
history-referral-move = Updated a referral
history-plan-save = Saved the reintegration plan
history-plan-approve = Approved the reintegration plan
history-plan-action = Updated an action of the plan
history-followup-record = Recorded a follow-up visit
history-conference-record = Recorded a case conference
history-task-complete = Marked a task done
history-household-save = Saved the household
history-proceeding-open = Opened proceedings
history-proceeding-diversion = Recorded a diversion assessment
history-proceeding-formal = Moved the proceedings to the formal process
history-proceeding-agreement = Recorded a diversion agreement
history-proceeding-agreement_event = Recorded how the diversion agreement ended
history-detention-start = Recorded a detention
history-detention-change = Recorded a change to the detention
history-justice-family_contact = Recorded family contact during detention
history-justice-open_sealed = Recorded a court order opening the sealed records
history-justice-expunge = Expunged the justice records on a court order
history-origin-save = Recorded the child's travel and origin
history-repatriation-open = Opened the repatriation
history-repatriation-step = Recorded a repatriation step
history-repatriation-placement = Recorded where the child will live after return
history-repatriation-arrival = Recorded the child's arrival
history-repatriation-end = Recorded that the return is not pursued
history-repatriation-resume = Resumed the repatriation
history-reception-admit = Recorded an admission to a reception centre
history-reception-review = Recorded a review of the reception stay
history-reception-release = Recorded the release from the reception centre
history-best_interests = Recorded a best-interests assessment or determination
history-other = Made a change to the case

## wt-h7
work-counts = What needs doing
work-count-overdue = { $count ->
    [one] 1 overdue
   *[other] { $count } overdue
}
work-count-today = { $count ->
    [one] 1 due today
   *[other] { $count } due today
}
work-count-referrals = { $count ->
    [one] 1 referral waiting for us
   *[other] { $count } referrals waiting for us
}
work-count-approvals = { $count ->
    [one] 1 plan to approve
   *[other] { $count } plans to approve
}
work-count-detention = { $count ->
    [one] 1 detention clock near or past
   *[other] { $count } detention clocks near or past
}
work-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
work-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
work-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
work-left = { $time } left
work-late = { $time } late
work-zone = Times on this page: { $zone }
work-the-system = the system
work-someone = a colleague
work-today = today
work-on-day = on { $date }
work-alert-changes = { $count ->
    [one] 1 change
   *[other] { $count } changes
}
work-alert-summary = { $changes } to { $child } by { $who }, { $when }
work-alert-summary-nobody = { $changes } to { $child }, { $when }
work-alert-dismiss = Dismiss
work-all-tasks = Show all my tasks
work-due-label = Due
work-due-overdue = overdue
work-due-today = due today
work-sort-label = Sort by
work-sort-priority = priority
work-sort-updated = last change
work-sort-reference = case number
work-sort-status = stage
work-any = any
work-apply = Show
work-clear = Clear filters
work-cases-title = My cases
work-cases-none-match = No open case of yours matches these filters.
work-cases-match = { $count ->
    [one] 1 case matches.
   *[other] { $count } cases match.
}
work-pages = Pages of my cases
work-page-of = Page { $page } of { $pages }
work-prev = Previous
work-next = Next
work-queue-title = Waiting for your decision
work-queue-plans = Plans to approve
work-queue-no-plans = No plan in your agency is waiting for approval.
work-queue-saved = saved
work-queue-closures = Closing a case has no waiting state in Pelita: you close a case from its page, with your decision and its reason.
work-team-title = Your team
work-team-none = No one in your agency works with children yet.
work-team-cases = { $count ->
    [one] 1 open case
   *[other] { $count } open cases
}
work-intro-liaison = You see the stage of the cases of children your service handed over, with each child's name and age, and nothing else about them. To find one, search by the case number or the child's name.
work-intro-liaison-go = Search
work-intro-researcher = Your work is with figures, never with a child's record: the indicators count children's journeys without naming anyone.
work-intro-researcher-go = Open the indicators
work-intro-auditor = You check who read and changed what: the audit chain, the access log and refused reads. Opening a case needs a written justification, which its supervisors are told of.
work-intro-auditor-go = Open the audit
work-intro-admin = You manage accounts, agencies and rule values; children's records are not yours to read.
work-intro-admin-go = Open administration

## wt-lead
error-status-needs-records = A case is “Assessed” once an assessment is recorded, and “Planned” or “In progress” once its plan is approved. Record that first: the status then follows by itself.

## wt-phone
choose-one = Choose…
register-sex-required = Choose the child's sex, or "Not recorded".
assessment-assent-required = Say whether the child agreed.
assessment-no-answer = No answer
assessment-go-to-refused = Go to the question
plan-action-agency-required = Choose the agency that carries out this action.
detention-change-required = Choose the change to record.
victim-short = Victim

## wt-search
search-query-any = Name in any script, or case number
search-hints = What you know of the child (optional)
search-hints-hint = These put children whose names fit equally well in order. A record that says otherwise comes lower; it is not hidden.
search-any = Any
search-age = Age in years, or year of birth
search-age-invalid = Type an age in years (up to 30) or a year of birth, such as 2014.
search-place = Country
search-more = More children have names that fit as well as the last ones shown. Add a family name, the sex, an age or a country to narrow the search.
search-why-reference = case number
search-why-name-same = same name
search-why-name-variant = another spelling of the name
search-why-name-old-spelling = the name in the old spelling
search-why-name-prefix = the name begins so
search-why-name-similar = a similar name
search-why-sex-same = same sex
search-why-sex-differs = another sex recorded
search-why-age-same = the age fits
search-why-age-differs = another age recorded
search-why-place-same = same country
search-why-place-differs = another country
matches-elsewhere = { $count ->
    [one] One possible match is held by another agency: its name is not shown.
   *[other] { $count } possible matches are held by other agencies: their names are not shown.
}
conference-staff-search = Find a person by name
conference-staff-none = No one at this case's agencies has that name.

## wt-forms
form-refused = Nothing was saved.
form-refused-go = Go to the form to correct it
error-not-a-date = This is not a date. Enter the day, the month and the year.
error-not-a-time = This is not a date and time. Enter the day, the month, the year and the hour.
error-choose-option = Choose one of the options offered.
error-justification = Write why you need to open this section: 10 to 500 characters, on one line.
error-consent-purposes = Tick at least one purpose that was explained.
error-consent-decision = Record the child's decision, the caregiver's, or both.
error-expiry-before-date = The expiry is before the day of the decision: a consent cannot lapse before it was given.
error-expiry-without-consent = Only a consent given has an expiry. Leave the expiry empty when nothing was given.
error-plan-action-without-goal = An action serves a goal: write the goal this action is for.
error-penalty-years = Write the maximum penalty as a whole number of years.
error-referral-agency = Choose the agency the child is referred to.
error-referral-sections = Tick the sections to share: at least one, and only those the receiving agency's profession may read.
consent-round-purposes = Purposes explained
consent-not-asked = Not asked here
consent-needed = Needed at this child's age.
consent-not-needed = Not needed at this child's age; recorded if asked.
consent-round-expires-hint = Applies to the consents given, not to refusals or withdrawals.
consent-round-save = Record these decisions
error-referral-decline-reason = Write why your agency declines: the worker who referred the child needs it to find another service.
error-referral-feedback = Write the feedback for the worker who referred the child: what was done and what follows.
error-diversion-not-eligible = Here the law makes the diversion attempt mandatory for this offence: "not eligible" cannot be recorded. Record whether an agreement was reached.
error-detention-penalty = Here detention before sentence is only for an offence punishable by the minimum penalty the law sets: record the proceeding with its maximum penalty first.
error-extension-late = An extension is valid only if ordered before the limit it extends, and that limit has passed.
error-release-only = A limit after which the law requires release has passed: only release can be recorded.

## wt-resume
session-expired-kept = Your session ended, and what you were saving was kept for you. Sign in again to send it.
resume-title = Your work was kept
resume-intro = Your session had ended when you sent this form on { $when }, so nothing was saved. It is kept for you alone, for a working day.
resume-typed = What you wrote
resume-send = Send it now
resume-after = Sending it saves it as the form would have; if something needs changing, the form comes back with what you typed.
resume-discard = Discard it
resume-open-case = Open the case instead
resume-gone = Nothing is waiting here: what was kept has been sent, discarded, or has expired.
draft-offer = Answers you typed on { $when } were not saved.
draft-restore = Restore them
draft-discard = Discard
draft-saved = Draft kept
draft-not-saved = The draft could not be kept. What you typed is still here.
draft-signed-out = Your session has ended: the draft was not kept. What you typed is still here; saving the form will ask you to sign in and keep it.
guard-live-title = Before you save: words to reconsider
work-alerts-more = { $count ->
    [one] Changes to 1 more case
   *[other] Changes to { $count } more cases
}
work-alerts-all = Show all
viewers-all = See everyone
viewers-showing = People { $range } of { $all }, the most recent first
