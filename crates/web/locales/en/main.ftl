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
search-query = Name, in any script
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
error-generic = Something went wrong. Nothing was saved. Please try again.
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
