<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnswerCommand</name>
    <message>
        <source>Answer {0}</source>
        <translation>Answer {0}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QtAppContext</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
</context>
<context>
    <name>QtApplicantDialog</name>
    <message>
        <source>Edit applicant</source>
        <translation>Edit applicant</translation>
    </message>
    <message>
        <source>New applicant</source>
        <translation>New applicant</translation>
    </message>
    <message>
        <source>Registered name, e.g. 杭州某某电器有限公司</source>
        <translation>Registered name, e.g. 杭州某某电器有限公司</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91330100MA2XXXXXXX</source>
        <translation>18 characters, e.g. 91330100MA2XXXXXXX</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>e.g. household appliances</source>
        <translation>e.g. household appliances</translation>
    </message>
    <message>
        <source>person and telephone</source>
        <translation>person and telephone</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>&amp;Credit code</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Industry</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>C&amp;ontact</translation>
    </message>
    <message>
        <source>The unified social credit code has 18 characters.</source>
        <translation>The unified social credit code has 18 characters.</translation>
    </message>
    <message>
        <source>Valid code: {0}</source>
        <translation>Valid code: {0}</translation>
    </message>
    <message>
        <source>From the credit code's division digits ({0}); you can change it.</source>
        <translation>From the credit code's division digits ({0}); you can change it.</translation>
    </message>
</context>
<context>
    <name>QtApplicantPicker</name>
    <message>
        <source>Type part of the name or credit code</source>
        <translation>Type part of the name or credit code</translation>
    </message>
    <message>
        <source>(no applicant matches)</source>
        <translation>(no applicant matches)</translation>
    </message>
</context>
<context>
    <name>QtApplicantsPage</name>
    <message>
        <source>Search by name or credit code fragment</source>
        <translation>Search by name or credit code fragment</translation>
    </message>
    <message>
        <source>&amp;New applicant…</source>
        <translation>&amp;New applicant…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>New &amp;assessment…</source>
        <translation>New &amp;assessment…</translation>
    </message>
    <message>
        <source>Self-assess&amp;ments…</source>
        <translation>Self-assess&amp;ments…</translation>
    </message>
    <message>
        <source>E&amp;xport table…</source>
        <translation>E&amp;xport table…</translation>
    </message>
    <message>
        <source>Save the rows the table shows, searched and sorted as they are, to an Excel workbook or a CSV file</source>
        <translation>Save the rows the table shows, searched and sorted as they are, to an Excel workbook or a CSV file</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>Applicants</translation>
    </message>
</context>
<context>
    <name>QtApplicationsDialog</name>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
</context>
<context>
    <name>QtApplicationsPage</name>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>returned for completion</source>
        <translation>returned for completion</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Sh&amp;ow</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>&amp;Receive file…</source>
        <translation>&amp;Receive file…</translation>
    </message>
    <message>
        <source>Record the chosen material as received, with its file</source>
        <translation>Record the chosen material as received, with its file</translation>
    </message>
    <message>
        <source>Not a&amp;pplicable</source>
        <translation>Not a&amp;pplicable</translation>
    </message>
    <message>
        <source>Record the chosen material as not applicable to this applicant</source>
        <translation>Record the chosen material as not applicable to this applicant</translation>
    </message>
    <message>
        <source>Save a cop&amp;y…</source>
        <translation>Save a cop&amp;y…</translation>
    </message>
    <message>
        <source>Save a copy of the file received for the chosen material</source>
        <translation>Save a copy of the file received for the chosen material</translation>
    </message>
    <message>
        <source>Reason (required to return or refuse; the applicant is told)</source>
        <translation>Reason (required to return or refuse; the applicant is told)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>A&amp;ccept</source>
        <translation>A&amp;ccept</translation>
    </message>
    <message>
        <source>Accept the application: its date starts the decision clock</source>
        <translation>Accept the application: its date starts the decision clock</translation>
    </message>
    <message>
        <source>Re&amp;turn for completion</source>
        <translation>Re&amp;turn for completion</translation>
    </message>
    <message>
        <source>Ref&amp;use</source>
        <translation>Ref&amp;use</translation>
    </message>
    <message>
        <source>Start &amp;assessment…</source>
        <translation>Start &amp;assessment…</translation>
    </message>
    <message>
        <source>Acceptance decision</source>
        <translation>Acceptance decision</translation>
    </message>
    <message>
        <source>Today {0} · {1} applications · {2} waiting for acceptance</source>
        <translation>Today {0} · {1} applications · {2} waiting for acceptance</translation>
    </message>
    <message>
        <source>No application chosen.</source>
        <translation>No application chosen.</translation>
    </message>
    <message>
        <source>#{0} {1} ({2}) · {3} {4} · {5}</source>
        <translation>#{0} {1} ({2}) · {3} {4} · {5}</translation>
    </message>
    <message>
        <source>Received {0}</source>
        <translation>Received {0}</translation>
    </message>
    <message>
        <source>accepted {0}</source>
        <translation>accepted {0}</translation>
    </message>
    <message>
        <source>assessment #{0}</source>
        <translation>assessment #{0}</translation>
    </message>
    <message>
        <source>{0} due {1}: {2}</source>
        <translation>{0} due {1}: {2}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>{0}: {1} by {2}</source>
        <translation>{0}: {1} by {2}</translation>
    </message>
    <message>
        <source>Sign in to decide (Settings → Sign in…): the decision is signed by the person signed in.</source>
        <translation>Sign in to decide (Settings → Sign in…): the decision is signed by the person signed in.</translation>
    </message>
    <message>
        <source>Decided and signed by {0}, signed in.</source>
        <translation>Decided and signed by {0}, signed in.</translation>
    </message>
    <message>
        <source>The file received for “{0}”</source>
        <translation>The file received for “{0}”</translation>
    </message>
    <message>
        <source>Save a copy of “{0}”</source>
        <translation>Save a copy of “{0}”</translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation>The file could not be written: {0}</translation>
    </message>
    <message>
        <source>Sign in first (Settings → Sign in…): the decision is signed by the person signed in.</source>
        <translation>Sign in first (Settings → Sign in…): the decision is signed by the person signed in.</translation>
    </message>
</context>
<context>
    <name>QtAssessmentClock</name>
    <message>
        <source>Decision due {0} · {1}</source>
        <translation>Decision due {0} · {1}</translation>
    </message>
</context>
<context>
    <name>QtAssessmentHost</name>
    <message>
        <source>← Back to the assessments register</source>
        <translation>← Back to the assessments register</translation>
    </message>
</context>
<context>
    <name>QtAssessmentPage</name>
    <message>
        <source>This pack has no items in this stage.</source>
        <translation>This pack has no items in this stage.</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>Next stage</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>Previous stage</translation>
    </message>
    <message>
        <source>Undo answer</source>
        <translation>Undo answer</translation>
    </message>
    <message>
        <source>Redo answer</source>
        <translation>Redo answer</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Export gap list (self-assessment report)…</source>
        <translation>Export gap list (self-assessment report)…</translation>
    </message>
    <message>
        <source>Audit plan…</source>
        <translation>Audit plan…</translation>
    </message>
    <message>
        <source>Answer key {0}</source>
        <translation>Answer key {0}</translation>
    </message>
    <message>
        <source>Undo {0}</source>
        <translation>Undo {0}</translation>
    </message>
    <message>
        <source>Redo {0}</source>
        <translation>Redo {0}</translation>
    </message>
    <message>
        <source>self-assessment</source>
        <translation>self-assessment</translation>
    </message>
    <message>
        <source>certification</source>
        <translation>certification</translation>
    </message>
    <message>
        <source>surveillance visit</source>
        <translation>surveillance visit</translation>
    </message>
    <message>
        <source>recertification</source>
        <translation>recertification</translation>
    </message>
    <message>
        <source>scope change</source>
        <translation>scope change</translation>
    </message>
    <message>
        <source>{0} of certificate {1}</source>
        <translation>{0} of certificate {1}</translation>
    </message>
    <message>
        <source>Assessment #{0}</source>
        <translation>Assessment #{0}</translation>
    </message>
    <message>
        <source>assessor {0}</source>
        <translation>assessor {0}</translation>
    </message>
    <message>
        <source>Decided ({0}) by {1} on {2}: this assessment is read-only.</source>
        <translation>Decided ({0}) by {1} on {2}: this assessment is read-only.</translation>
    </message>
    <message>
        <source>This assessment is {0}: read-only.</source>
        <translation>This assessment is {0}: read-only.</translation>
    </message>
    <message>
        <source>Application review</source>
        <translation>Application review</translation>
    </message>
    <message>
        <source>Product testing</source>
        <translation>Product testing</translation>
    </message>
    <message>
        <source>Factory audit</source>
        <translation>Factory audit</translation>
    </message>
    <message>
        <source>Characteristics</source>
        <translation>Characteristics</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>{0} of {1} items answered</source>
        <translation>{0} of {1} items answered</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>unanswered</translation>
    </message>
    <message>
        <source>incomplete (counts as unanswered)</source>
        <translation>incomplete (counts as unanswered)</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>minor nonconformity</source>
        <translation>minor nonconformity</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>below target</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fail</translation>
    </message>
    <message>
        <source>answer to {0} {1}</source>
        <translation>answer to {0} {1}</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>Answer not saved</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>The assessment is incomplete: answer every required item before deciding.</source>
        <translation>The assessment is incomplete: answer every required item before deciding.</translation>
    </message>
</context>
<context>
    <name>QtAssessmentSummary</name>
    <message>
        <source>Product tests (GB/T 8170)</source>
        <translation>Product tests (GB/T 8170)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Compared</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Nonconformities</source>
        <translation>Nonconformities</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <source>&amp;Export nonconformities…</source>
        <translation>&amp;Export nonconformities…</translation>
    </message>
    <message>
        <source>Save the nonconformities this table lists, in its order, to an Excel workbook or a CSV file</source>
        <translation>Save the nonconformities this table lists, in its order, to an Excel workbook or a CSV file</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>Record the certification decision (Ctrl+Shift+D). The decider must not be the assessor.</source>
        <translation>Record the certification decision (Ctrl+Shift+D). The decider must not be the assessor.</translation>
    </message>
    <message>
        <source>Gap list: items below their target, largest first</source>
        <translation>Gap list: items below their target, largest first</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Export gap list…</source>
        <translation>Export gap list…</translation>
    </message>
    <message>
        <source>The self-assessment report of these answers: readiness and every item below its target, for the enterprise (Ctrl+Shift+G)</source>
        <translation>The self-assessment report of these answers: readiness and every item below its target, for the enterprise (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Summary: {0}</source>
        <translation>Summary: {0}</translation>
    </message>
    <message>
        <source>(no product recorded)</source>
        <translation>(no product recorded)</translation>
    </message>
    <message>
        <source>Product: {0} · Pack: {1} {2} (SHA-256 {3}…) · Mode: {4} · Assessor: {5}</source>
        <translation>Product: {0} · Pack: {1} {2} (SHA-256 {3}…) · Mode: {4} · Assessor: {5}</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fail</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>rounded</source>
        <translation>rounded</translation>
    </message>
    <message>
        <source>full value</source>
        <translation>full value</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>minor</translation>
    </message>
    <message>
        <source>major</source>
        <translation>major</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>closed (verified)</source>
        <translation>closed (verified)</translation>
    </message>
    <message>
        <source>No nonconformities recorded.</source>
        <translation>No nonconformities recorded.</translation>
    </message>
    <message>
        <source>Save the self-assessment report as a PDF (Ctrl+Shift+R)</source>
        <translation>Save the self-assessment report as a PDF (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Save the surveillance visit report as a PDF (Ctrl+Shift+R)</source>
        <translation>Save the surveillance visit report as a PDF (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Save the certification assessment report as a PDF (Ctrl+Shift+R)</source>
        <translation>Save the certification assessment report as a PDF (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Self-assessment: readiness {0:.0f} %. No certification decision is made; close the gaps below, then apply.</source>
        <translation>Self-assessment: readiness {0:.0f} %. No certification decision is made; close the gaps below, then apply.</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>unanswered</translation>
    </message>
    <message>
        <source>{0} · now {1}, target {2} · shortfall {3:.2f}</source>
        <translation>{0} · now {1}, target {2} · shortfall {3:.2f}</translation>
    </message>
    <message>
        <source>No gaps: every item meets its target.</source>
        <translation>No gaps: every item meets its target.</translation>
    </message>
    <message>
        <source>Decided: {0} by {1} on {2}. The assessment is read-only.</source>
        <translation>Decided: {0} by {1} on {2}. The assessment is read-only.</translation>
    </message>
    <message>
        <source>Verdict preview: {0}. A person who did not carry out this assessment records the decision.</source>
        <translation>Verdict preview: {0}. A person who did not carry out this assessment records the decision.</translation>
    </message>
    <message>
        <source>No decision yet: the assessment is incomplete ({0} of {1} items answered).</source>
        <translation>No decision yet: the assessment is incomplete ({0} of {1} items answered).</translation>
    </message>
</context>
<context>
    <name>QtAssessmentsPage</name>
    <message>
        <source>Search by applicant, code, assessor, product or scheme</source>
        <translation>Search by applicant, code, assessor, product or scheme</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>&amp;New assessment…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>E&amp;xport report…</translation>
    </message>
    <message>
        <source>Save the selected assessment's report as a PDF: the assessment report, or a self-assessment's own report</source>
        <translation>Save the selected assessment's report as a PDF: the assessment report, or a self-assessment's own report</translation>
    </message>
    <message>
        <source>&amp;Assign to assessor…</source>
        <translation>&amp;Assign to assessor…</translation>
    </message>
    <message>
        <source>Write the selected certification assessment's assignment, signed with the body's key, for its assessor to import on their laptop</source>
        <translation>Write the selected certification assessment's assignment, signed with the body's key, for its assessor to import on their laptop</translation>
    </message>
    <message>
        <source>Export &amp;table…</source>
        <translation>Export &amp;table…</translation>
    </message>
    <message>
        <source>Save the rows the table shows, searched and sorted as they are, to an Excel workbook or a CSV file</source>
        <translation>Save the rows the table shows, searched and sorted as they are, to an Excel workbook or a CSV file</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
</context>
<context>
    <name>QtAuditPlanDialog</name>
    <message>
        <source>Audit plan: assessment #{0}</source>
        <translation>Audit plan: assessment #{0}</translation>
    </message>
    <message>
        <source>Assessment #{0} · {1}</source>
        <translation>Assessment #{0} · {1}</translation>
    </message>
    <message>
        <source>Plan the audit</source>
        <translation>Plan the audit</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Production sites</source>
        <translation>Production sites</translation>
    </message>
    <message>
        <source>Product units in the scope</source>
        <translation>Product units in the scope</translation>
    </message>
    <message>
        <source>Assessors in the team</source>
        <translation>Assessors in the team</translation>
    </message>
    <message>
        <source>First audit day</source>
        <translation>First audit day</translation>
    </message>
    <message>
        <source>This pack has no person-day table: its audit cannot be sized here.</source>
        <translation>This pack has no person-day table: its audit cannot be sized here.</translation>
    </message>
    <message>
        <source>Person-days from the pack's table ({0}); the team: active assessors competent for the scheme who never consulted for the applicant.</source>
        <translation>Person-days from the pack's table ({0}); the team: active assessors competent for the scheme who never consulted for the applicant.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>No audit planned yet.</source>
        <translation>No audit planned yet.</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Auditing</source>
        <translation>Auditing</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Person-days</source>
        <translation>Person-days</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Save the plan PDF…</source>
        <translation>Save the plan PDF…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Programme: who audits what, when</source>
        <translation>Programme: who audits what, when</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Record a consultancy…</source>
        <translation>Record a consultancy…</translation>
    </message>
    <message>
        <source>A person who gave consultancy to this applicant may not audit it (ISO/IEC 17065 4.2); they are left out of the team.</source>
        <translation>A person who gave consultancy to this applicant may not audit it (ISO/IEC 17065 4.2); they are left out of the team.</translation>
    </message>
    <message>
        <source>Consultancy for this applicant</source>
        <translation>Consultancy for this applicant</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>{0} person-days · {1} to {2}, {3} working day(s) on site · planned {4} by {5}</source>
        <translation>{0} person-days · {1} to {2}, {3} working day(s) on site · planned {4} by {5}</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>no end</translation>
    </message>
    <message>
        <source>Audit plan</source>
        <translation>Audit plan</translation>
    </message>
    <message>
        <source>Save the audit plan</source>
        <translation>Save the audit plan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the audit plan</source>
        <translation>Writing the audit plan</translation>
    </message>
</context>
<context>
    <name>QtBackupActions</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>No backup yet — File → Back up now</source>
        <translation>No backup yet — File → Back up now</translation>
    </message>
    <message>
        <source>Last backup {0} — File → Back up now</source>
        <translation>Last backup {0} — File → Back up now</translation>
    </message>
    <message>
        <source>brandmark backs the register up on the first change of each day; the last backup is more than a day old.</source>
        <translation>brandmark backs the register up on the first change of each day; the last backup is more than a day old.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>Backing up the register…</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Restore the register from the backup of {0}?

The current register is kept beside it (renamed, never deleted), and brandmark restarts on the restored one. Close other brandmark windows on this register first.</source>
        <translation>Restore the register from the backup of {0}?

The current register is kept beside it (renamed, never deleted), and brandmark restarts on the restored one. Close other brandmark windows on this register first.</translation>
    </message>
    <message>
        <source>The previous register is kept as {0}.</source>
        <translation>The previous register is kept as {0}.</translation>
    </message>
    <message>
        <source>The register was restored from {0}. {1}

brandmark restarts now.</source>
        <translation>The register was restored from {0}. {1}

brandmark restarts now.</translation>
    </message>
    <message>
        <source>Restoring the register…</source>
        <translation>Restoring the register…</translation>
    </message>
</context>
<context>
    <name>QtBarChart</name>
    <message>
        <source>Nothing to count yet.</source>
        <translation>Nothing to count yet.</translation>
    </message>
</context>
<context>
    <name>QtBatchImportDialog</name>
    <message>
        <source>Import of {0} bundles</source>
        <translation>Import of {0} bundles</translation>
    </message>
    <message>
        <source>{0} of {1} bundles were imported, each on its own: a refused one changed nothing and did not stop the others.</source>
        <translation>{0} of {1} bundles were imported, each on its own: a refused one changed nothing and did not stop the others.</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Show the report…</source>
        <translation>Show the report…</translation>
    </message>
</context>
<context>
    <name>QtBatchPrintDialog</name>
    <message>
        <source>Print all valid certificates</source>
        <translation>Print all valid certificates</translation>
    </message>
    <message>
        <source>One combined PDF (one page per certificate, to print in one go)</source>
        <translation>One combined PDF (one page per certificate, to print in one go)</translation>
    </message>
    <message>
        <source>One PDF file per certificate, named by its number, in a folder</source>
        <translation>One PDF file per certificate, named by its number, in a folder</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>Continue…</translation>
    </message>
    <message numerus="yes">
        <source>%n valid certificate(s) will be written.</source>
        <translation>
            <numerusform>%n valid certificate will be written.</numerusform>
            <numerusform>%n valid certificates will be written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtBodySettingsDialog</name>
    <message>
        <source>Body settings</source>
        <translation>Body settings</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Certificate numbers</source>
        <translation>Certificate numbers</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Built-in emblem</source>
        <translation>Built-in emblem</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Issue and expiry dates, the year in certificate numbers, deadlines, surveillance dates and report dates are in this time zone.</source>
        <translation>Issue and expiry dates, the year in certificate numbers, deadlines, surveillance dates and report dates are in this time zone.</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>Name (Chinese)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Body code</source>
        <translation>Body code</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Status lists valid for</source>
        <translation>Status lists valid for</translation>
    </message>
    <message>
        <source>The built-in emblem with the body code</source>
        <translation>The built-in emblem with the body code</translation>
    </message>
    <message>
        <source>Choose the body's logo</source>
        <translation>Choose the body's logo</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Fields: {body} body code, {scheme} scheme code, {year} year of issue, {seq:05d} sequence (five digits); the sequence restarts for each prefix.</source>
        <translation>Fields: {body} body code, {scheme} scheme code, {year} year of issue, {seq:05d} sequence (five digits); the sequence restarts for each prefix.</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Number pattern</source>
        <translation>Number pattern</translation>
    </message>
    <message>
        <source>Next number, for example</source>
        <translation>Next number, for example</translation>
    </message>
    <message>
        <source>Scheme codes (in certificate numbers):</source>
        <translation>Scheme codes (in certificate numbers):</translation>
    </message>
    <message>
        <source>&amp;Rotate the key…</source>
        <translation>&amp;Rotate the key…</translation>
    </message>
    <message>
        <source>Export the &amp;trust list…</source>
        <translation>Export the &amp;trust list…</translation>
    </message>
    <message>
        <source>Certificates are signed with the current key. Rotating makes a new key; the old one keeps verifying what it signed. Offices that check certificates offline import the trust list (every key of the body, signed).</source>
        <translation>Certificates are signed with the current key. Rotating makes a new key; the old one keeps verifying what it signed. Offices that check certificates offline import the trust list (every key of the body, signed).</translation>
    </message>
    <message>
        <source>All keys of this register:</source>
        <translation>All keys of this register:</translation>
    </message>
    <message>
        <source>No signing key yet: it is made with “brandmark-cli keys init” before the first certificate.</source>
        <translation>No signing key yet: it is made with “brandmark-cli keys init” before the first certificate.</translation>
    </message>
    <message>
        <source>open for this session</source>
        <translation>open for this session</translation>
    </message>
    <message>
        <source>locked (asks the body's passphrase)</source>
        <translation>locked (asks the body's passphrase)</translation>
    </message>
    <message>
        <source>Current key {0}, in use since {1}; {2}.</source>
        <translation>Current key {0}, in use since {1}; {2}.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>revoked since {0}: {1}</source>
        <translation>revoked since {0}: {1}</translation>
    </message>
    <message>
        <source>The body's passphrase:</source>
        <translation>The body's passphrase:</translation>
    </message>
    <message>
        <source>Rotate the key</source>
        <translation>Rotate the key</translation>
    </message>
    <message>
        <source>Make a new signing key? Certificates issued from now on are signed with it; offices need the new trust list.</source>
        <translation>Make a new signing key? Certificates issued from now on are signed with it; offices need the new trust list.</translation>
    </message>
    <message>
        <source>New key {0}. Export the trust list for the offices that check certificates.</source>
        <translation>New key {0}. Export the trust list for the offices that check certificates.</translation>
    </message>
    <message>
        <source>Export the trust list</source>
        <translation>Export the trust list</translation>
    </message>
    <message>
        <source>Trust lists (*.json)</source>
        <translation>Trust lists (*.json)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>Open the backups folder</translation>
    </message>
    <message>
        <source>This register is in memory: it has no backups.</source>
        <translation>This register is in memory: it has no backups.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <source>Last backup {0}: {1}</source>
        <translation>Last backup {0}: {1}</translation>
    </message>
    <message>
        <source>A backup is due: the last one is more than a day old.</source>
        <translation>A backup is due: the last one is more than a day old.</translation>
    </message>
    <message>
        <source>Backups are up to date.</source>
        <translation>Backups are up to date.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) kept in {0}</source>
        <translation>
            <numerusform>%n backup kept in {0}</numerusform>
            <numerusform>%n backups kept in {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept: the last {0} days with a backup and the first of each of the last {1} months; a backup is made before the first change of each day.</source>
        <translation>Kept: the last {0} days with a backup and the first of each of the last {1} months; a backup is made before the first change of each day.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>Backing up the register…</translation>
    </message>
</context>
<context>
    <name>QtCalendarDialog</name>
    <message>
        <source>Working calendar</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>The mainland China calendar data covers {0}–{1}. For a later year, enter its official holidays and adjusted working days below, then declare it; until then deadlines in it are provisional (Monday to Friday).</source>
        <translation>The mainland China calendar data covers {0}–{1}. For a later year, enter its official holidays and adjusted working days below, then declare it; until then deadlines in it are provisional (Monday to Friday).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Remove the selected days</source>
        <translation>Remove the selected days</translation>
    </message>
    <message>
        <source>e.g. body closed; Spring Festival holidays</source>
        <translation>e.g. body closed; Spring Festival holidays</translation>
    </message>
    <message>
        <source>Add the days</source>
        <translation>Add the days</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Add days</source>
        <translation>Add days</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Declared by</source>
        <translation>Declared by</translation>
    </message>
    <message>
        <source>e.g. the State Council's notice for that year</source>
        <translation>e.g. the State Council's notice for that year</translation>
    </message>
    <message>
        <source>Declare the year complete</source>
        <translation>Declare the year complete</translation>
    </message>
    <message>
        <source>Years the body entered</source>
        <translation>Years the body entered</translation>
    </message>
    <message>
        <source>The body's own days</source>
        <translation>The body's own days</translation>
    </message>
    <message>
        <source>body closed (closure day)</source>
        <translation>body closed (closure day)</translation>
    </message>
    <message>
        <source>public holiday (entered year)</source>
        <translation>public holiday (entered year)</translation>
    </message>
    <message>
        <source>adjusted working day (entered year)</source>
        <translation>adjusted working day (entered year)</translation>
    </message>
</context>
<context>
    <name>QtCertificatePrinting</name>
    <message>
        <source>Print certificates</source>
        <translation>Print certificates</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message>
        <source>Save certificate PDF</source>
        <translation>Save certificate PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the certificate PDFs</source>
        <translation>Folder for the certificate PDFs</translation>
    </message>
    <message>
        <source>Save all valid certificates in one PDF</source>
        <translation>Save all valid certificates in one PDF</translation>
    </message>
    <message>
        <source>Cancelled after {0} of {1}.</source>
        <translation>Cancelled after {0} of {1}.</translation>
    </message>
    <message>
        <source>Printing certificates</source>
        <translation>Printing certificates</translation>
    </message>
</context>
<context>
    <name>QtCertificatesPage</name>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Not in this register</source>
        <translation>Not in this register</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Search by number, holder, credit code or product</source>
        <translation>Search by number, holder, credit code or product</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>&amp;Issue…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Save a PDF &amp;copy…</source>
        <translation>Save a PDF &amp;copy…</translation>
    </message>
    <message>
        <source>Prin&amp;t all valid…</source>
        <translation>Prin&amp;t all valid…</translation>
    </message>
    <message>
        <source>S&amp;uspend…</source>
        <translation>S&amp;uspend…</translation>
    </message>
    <message>
        <source>&amp;Reinstate…</source>
        <translation>&amp;Reinstate…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel certificate…</source>
        <translation>Ca&amp;ncel certificate…</translation>
    </message>
    <message>
        <source>V&amp;erify…</source>
        <translation>V&amp;erify…</translation>
    </message>
    <message>
        <source>Export status &amp;list…</source>
        <translation>Export status &amp;list…</translation>
    </message>
    <message>
        <source>&amp;Body settings…</source>
        <translation>&amp;Body settings…</translation>
    </message>
    <message>
        <source>&amp;Mark use…</source>
        <translation>&amp;Mark use…</translation>
    </message>
    <message>
        <source>The marks this certificate's holder reported printing or applying, year by year; record the next report</source>
        <translation>The marks this certificate's holder reported printing or applying, year by year; record the next report</translation>
    </message>
    <message>
        <source>Save the report of one of this certificate's surveillance visits as a PDF</source>
        <translation>Save the report of one of this certificate's surveillance visits as a PDF</translation>
    </message>
    <message>
        <source>E&amp;xport table…</source>
        <translation>E&amp;xport table…</translation>
    </message>
    <message>
        <source>Save the rows the table shows (status filter, search and order as they are) to an Excel workbook or a CSV file</source>
        <translation>Save the rows the table shows (status filter, search and order as they are) to an Excel workbook or a CSV file</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Replaces {0}</source>
        <translation>Replaces {0}</translation>
    </message>
    <message>
        <source>Replaced by {0}</source>
        <translation>Replaced by {0}</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>VALID</translation>
    </message>
    <message>
        <source>SUSPENDED</source>
        <translation>SUSPENDED</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>WITHDRAWN</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <source>STATUS UNKNOWN</source>
        <translation>STATUS UNKNOWN</translation>
    </message>
    <message>
        <source>NOT GENUINE</source>
        <translation>NOT GENUINE</translation>
    </message>
    <message>
        <source>Surveillance &amp;due…</source>
        <translation>Surveillance &amp;due…</translation>
    </message>
    <message>
        <source>Renew or change sc&amp;ope…</source>
        <translation>Renew or change sc&amp;ope…</translation>
    </message>
    <message>
        <source>Surveill&amp;ance report…</source>
        <translation>Surveill&amp;ance report…</translation>
    </message>
    <message>
        <source>Number: {0}</source>
        <translation>Number: {0}</translation>
    </message>
    <message>
        <source>Holder: {0} ({1})</source>
        <translation>Holder: {0} ({1})</translation>
    </message>
    <message>
        <source>Product: {0}</source>
        <translation>Product: {0}</translation>
    </message>
    <message>
        <source>Valid until: {0}</source>
        <translation>Valid until: {0}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Assessment #{0} · due {1} · done {2}</source>
        <translation>Assessment #{0} · due {1} · done {2}</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Visit report</translation>
    </message>
    <message>
        <source>Which visit?</source>
        <translation>Which visit?</translation>
    </message>
    <message>
        <source>The body's passphrase (opens its signing key for this session):</source>
        <translation>The body's passphrase (opens its signing key for this session):</translation>
    </message>
    <message>
        <source>Export status list</source>
        <translation>Export status list</translation>
    </message>
    <message>
        <source>Status lists (*.json)</source>
        <translation>Status lists (*.json)</translation>
    </message>
</context>
<context>
    <name>QtChoiceEditor</name>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Conforms</source>
        <translation>Conforms</translation>
    </message>
    <message>
        <source>Minor NC</source>
        <translation>Minor NC</translation>
    </message>
    <message>
        <source>Major NC</source>
        <translation>Major NC</translation>
    </message>
    <message>
        <source>{0} (shortcut: {1})</source>
        <translation>{0} (shortcut: {1})</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Remove this answer</source>
        <translation>Remove this answer</translation>
    </message>
</context>
<context>
    <name>QtConsultancyDialog</name>
    <message>
        <source>Record a consultancy</source>
        <translation>Record a consultancy</translation>
    </message>
    <message>
        <source>Counts until</source>
        <translation>Counts until</translation>
    </message>
    <message>
        <source>What the consultancy was</source>
        <translation>What the consultancy was</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>QtDeadlinesPage</name>
    <message>
        <source>Acceptance</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>Certification decision</source>
        <translation>Certification decision</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <source>Surveillance visit</source>
        <translation>Surveillance visit</translation>
    </message>
    <message>
        <source>Application #{0}</source>
        <translation>Application #{0}</translation>
    </message>
    <message>
        <source>Assessment #{0}</source>
        <translation>Assessment #{0}</translation>
    </message>
    <message>
        <source>Finding #{0} ({1})</source>
        <translation>Finding #{0} ({1})</translation>
    </message>
    <message>
        <source>Certificate {0}</source>
        <translation>Certificate {0}</translation>
    </message>
    <message>
        <source>{0} (provisional)</source>
        <translation>{0} (provisional)</translation>
    </message>
    <message>
        <source>calendar does not cover the date</source>
        <translation>calendar does not cover the date</translation>
    </message>
    <message>
        <source>overdue by {0} working days</source>
        <translation>overdue by {0} working days</translation>
    </message>
    <message>
        <source>{0} working days left</source>
        <translation>{0} working days left</translation>
    </message>
    <message>
        <source>about {0}</source>
        <translation>about {0}</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Only overdue</source>
        <translation>Only overdue</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>any time</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>Due within</source>
        <translation>Due within</translation>
    </message>
    <message>
        <source>Working &amp;calendar…</source>
        <translation>Working &amp;calendar…</translation>
    </message>
    <message>
        <source>The body's closure days, and a later year's official schedule</source>
        <translation>The body's closure days, and a later year's official schedule</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Working days follow the mainland China calendar (public holidays and adjusted working weekends) with the body's own closure days (brandmark-cli calendar).</source>
        <translation>Working days follow the mainland China calendar (public holidays and adjusted working weekends) with the body's own closure days (brandmark-cli calendar).</translation>
    </message>
    <message>
        <source>Today {0} · {1} open · {2} overdue</source>
        <translation>Today {0} · {1} open · {2} overdue</translation>
    </message>
</context>
<context>
    <name>QtDecisionDialog</name>
    <message>
        <source>Certification decision</source>
        <translation>Certification decision</translation>
    </message>
    <message>
        <source>Assessment #{0} · {1} · assessor {2}</source>
        <translation>Assessment #{0} · {1} · assessor {2}</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Verdict: {0} · total {1:.1f}</source>
        <translation>Verdict: {0} · total {1:.1f}</translation>
    </message>
    <message>
        <source>No reasons against granting.</source>
        <translation>No reasons against granting.</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Grant the certificate</source>
        <translation>Grant the certificate</translation>
    </message>
    <message>
        <source>Grant after the corrective actions are verified</source>
        <translation>Grant after the corrective actions are verified</translation>
    </message>
    <message>
        <source>The verdict does not allow this decision.</source>
        <translation>The verdict does not allow this decision.</translation>
    </message>
    <message>
        <source>The assessment is incomplete: answer every required item first.</source>
        <translation>The assessment is incomplete: answer every required item first.</translation>
    </message>
    <message>
        <source>Full name of the person deciding</source>
        <translation>Full name of the person deciding</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>The assessment is incomplete; no decision is possible yet.</source>
        <translation>The assessment is incomplete; no decision is possible yet.</translation>
    </message>
    <message>
        <source>Enter the name of the person deciding.</source>
        <translation>Enter the name of the person deciding.</translation>
    </message>
    <message>
        <source>{0} carried out this assessment and cannot decide it. ISO/IEC 17065 (7.6) requires the decision to be made by a person who did not take part in the evaluation, so that the decision is impartial.</source>
        <translation>{0} carried out this assessment and cannot decide it. ISO/IEC 17065 (7.6) requires the decision to be made by a person who did not take part in the evaluation, so that the decision is impartial.</translation>
    </message>
    <message>
        <source>Choose a decision.</source>
        <translation>Choose a decision.</translation>
    </message>
</context>
<context>
    <name>QtDistributionDialog</name>
    <message>
        <source>Distribution of {0}</source>
        <translation>Distribution of {0}</translation>
    </message>
    <message>
        <source>Plain number</source>
        <translation>Plain number</translation>
    </message>
    <message>
        <source>Triangular (low, mode, high)</source>
        <translation>Triangular (low, mode, high)</translation>
    </message>
    <message>
        <source>Uniform (low, high)</source>
        <translation>Uniform (low, high)</translation>
    </message>
    <message>
        <source>Normal (mean, sd; optional min, max)</source>
        <translation>Normal (mean, sd; optional min, max)</translation>
    </message>
    <message>
        <source>Lognormal (mean, sd of the value; optional min, max)</source>
        <translation>Lognormal (mean, sd of the value; optional min, max)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Most likely</source>
        <translation>Most likely</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>Standard deviation</translation>
    </message>
    <message>
        <source>Minimum (optional)</source>
        <translation>Minimum (optional)</translation>
    </message>
    <message>
        <source>Maximum (optional)</source>
        <translation>Maximum (optional)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Give a value.</source>
        <translation>Give a value.</translation>
    </message>
</context>
<context>
    <name>QtEarlierFindings</name>
    <message>
        <source>Earlier assessments of this certificate recorded no nonconformities.</source>
        <translation>Earlier assessments of this certificate recorded no nonconformities.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Description / corrective action</source>
        <translation>Description / corrective action</translation>
    </message>
    <message>
        <source>E&amp;xport earlier nonconformities…</source>
        <translation>E&amp;xport earlier nonconformities…</translation>
    </message>
    <message>
        <source>Save the earlier nonconformities this table lists, in its order, to an Excel workbook or a CSV file</source>
        <translation>Save the earlier nonconformities this table lists, in its order, to an Excel workbook or a CSV file</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>initial</translation>
    </message>
    <message>
        <source>surveillance</source>
        <translation>surveillance</translation>
    </message>
    <message>
        <source>recertification</source>
        <translation>recertification</translation>
    </message>
    <message>
        <source>scope change</source>
        <translation>scope change</translation>
    </message>
    <message>
        <source>closed, verified</source>
        <translation>closed, verified</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>open, past its deadline</source>
        <translation>open, past its deadline</translation>
    </message>
    <message>
        <source>major</source>
        <translation>major</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>minor</translation>
    </message>
    <message>
        <source>Earlier nonconformities to check again: {0} ({1} still open)</source>
        <translation>Earlier nonconformities to check again: {0} ({1} still open)</translation>
    </message>
    <message>
        <source> · due {0}</source>
        <translation> · due {0}</translation>
    </message>
    <message>
        <source>{0}: not answered again in this assessment</source>
        <translation>{0}: not answered again in this assessment</translation>
    </message>
</context>
<context>
    <name>QtExchangeActions</name>
    <message>
        <source>&amp;Export for the register…</source>
        <translation>&amp;Export for the register…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Export for the register</source>
        <translation>Export for the register</translation>
    </message>
    <message>
        <source>Open an assessment, or select one in the assessments register, then export it for the register.</source>
        <translation>Open an assessment, or select one in the assessments register, then export it for the register.</translation>
    </message>
    <message>
        <source>Sign in as the assessment's assessor first: the bundle is signed with your key.</source>
        <translation>Sign in as the assessment's assessor first: the bundle is signed with your key.</translation>
    </message>
    <message>
        <source>Sign in to sign the bundle for the register.</source>
        <translation>Sign in to sign the bundle for the register.</translation>
    </message>
    <message>
        <source>Exchange bundles (*.bmx)</source>
        <translation>Exchange bundles (*.bmx)</translation>
    </message>
    <message>
        <source>Writing the evidence: {0:.1f} of {1:.1f} MB</source>
        <translation>Writing the evidence: {0:.1f} of {1:.1f} MB</translation>
    </message>
    <message>
        <source>Exporting assessment {0}…</source>
        <translation>Exporting assessment {0}…</translation>
    </message>
    <message>
        <source>Exported assessment {0} to {1}: {2} answers, {3} evidence files</source>
        <translation>Exported assessment {0} to {1}: {2} answers, {3} evidence files</translation>
    </message>
    <message>
        <source>Assign to assessor</source>
        <translation>Assign to assessor</translation>
    </message>
    <message>
        <source>Select an assessment in the assessments register, then assign it.</source>
        <translation>Select an assessment in the assessments register, then assign it.</translation>
    </message>
    <message>
        <source>Assessment {0} is assigned to {1}. Give them the file: their laptop imports it with File → Import….</source>
        <translation>Assessment {0} is assigned to {1}. Give them the file: their laptop imports it with File → Import….</translation>
    </message>
    <message>
        <source>The body's passphrase (opens its signing key for this session):</source>
        <translation>The body's passphrase (opens its signing key for this session):</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>Importing {0} ({1} of {2})…</source>
        <translation>Importing {0} ({1} of {2})…</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>Import a bundle</translation>
    </message>
    <message>
        <source>Imported before: nothing changed</source>
        <translation>Imported before: nothing changed</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Imported: {0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <source>; {0} conflicts to settle</source>
        <translation>; {0} conflicts to settle</translation>
    </message>
    <message>
        <source>Not imported: cancelled</source>
        <translation>Not imported: cancelled</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Refused: {0}</translation>
    </message>
    <message>
        <source>Failed: {0}</source>
        <translation>Failed: {0}</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>answers</translation>
    </message>
    <message>
        <source>evidence files</source>
        <translation>evidence files</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>findings</translation>
    </message>
    <message>
        <source>assessments</source>
        <translation>assessments</translation>
    </message>
    <message>
        <source>self-assessments</source>
        <translation>self-assessments</translation>
    </message>
    <message>
        <source>Reading the evidence: {0:.1f} of {1:.1f} MB</source>
        <translation>Reading the evidence: {0:.1f} of {1:.1f} MB</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
</context>
<context>
    <name>QtExtraVisitDialog</name>
    <message>
        <source>Extra visit for {0}</source>
        <translation>Extra visit for {0}</translation>
    </message>
    <message>
        <source>What happened (the complaint, the sampling)</source>
        <translation>What happened (the complaint, the sampling)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>QtFileDialogs</name>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>{0} file</source>
        <translation>{0} file</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>QtFindingForm</name>
    <message>
        <source>What was found, where, and the objective evidence</source>
        <translation>What was found, where, and the objective evidence</translation>
    </message>
    <message>
        <source>The applicant's correction and corrective action</source>
        <translation>The applicant's correction and corrective action</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <source>Corrective action due</source>
        <translation>Corrective action due</translation>
    </message>
    <message>
        <source>Save finding</source>
        <translation>Save finding</translation>
    </message>
    <message>
        <source>Verify corrective action and close…</source>
        <translation>Verify corrective action and close…</translation>
    </message>
    <message>
        <source>Record what you checked and the evidence you saw: the corrective action is effective. Write the corrective action first.</source>
        <translation>Record what you checked and the evidence you saw: the corrective action is effective. Write the corrective action first.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Nonconformity #{0} ({1}) closed by {2} on {3}: {4}
    checked: {5}; evidence: {6}</source>
        <translation>Nonconformity #{0} ({1}) closed by {2} on {3}: {4}
    checked: {5}; evidence: {6}</translation>
    </message>
    <message>
        <source>Nobody is signed in: sign in to verify a corrective action.</source>
        <translation>Nobody is signed in: sign in to verify a corrective action.</translation>
    </message>
    <message>
        <source>Nonconformity #{0}: {1}</source>
        <translation>Nonconformity #{0}: {1}</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>minor</translation>
    </message>
    <message>
        <source>major</source>
        <translation>major</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Write the corrective action before verifying it.</source>
        <translation>Write the corrective action before verifying it.</translation>
    </message>
</context>
<context>
    <name>QtFindingVerificationDialog</name>
    <message>
        <source>Verify nonconformity #{0}</source>
        <translation>Verify nonconformity #{0}</translation>
    </message>
    <message>
        <source>Corrective action: {0}</source>
        <translation>Corrective action: {0}</translation>
    </message>
    <message>
        <source>What you checked, where, and how (records, the site, a re-test…)</source>
        <translation>What you checked, where, and how (records, the site, a re-test…)</translation>
    </message>
    <message>
        <source>The evidence you saw (document numbers, photos, records)</source>
        <translation>The evidence you saw (document numbers, photos, records)</translation>
    </message>
    <message>
        <source>The person signed in verifies and signs; sign in as someone else to verify in their name.</source>
        <translation>The person signed in verifies and signs; sign in as someone else to verify in their name.</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>What was checked</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <source>Close as verified</source>
        <translation>Close as verified</translation>
    </message>
</context>
<context>
    <name>QtGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation: {0}</source>
        <translation>The user guide is missing from this installation: {0}</translation>
    </message>
</context>
<context>
    <name>QtHistogramChart</name>
    <message>
        <source>Run an estimate to see its range.</source>
        <translation>Run an estimate to see its range.</translation>
    </message>
</context>
<context>
    <name>QtImportDialog</name>
    <message>
        <source>No file chosen yet</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>First rows and the columns found</source>
        <translation>First rows and the columns found</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>&amp;All or nothing: import nothing while any row has a problem</source>
        <translation>&amp;All or nothing: import nothing while any row has a problem</translation>
    </message>
    <message>
        <source>&amp;Skip the rows with problems (they are saved with their reasons beside the file)</source>
        <translation>&amp;Skip the rows with problems (they are saved with their reasons beside the file)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Import applicants</source>
        <translation>Import applicants</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>Import products</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Checking {0}</source>
        <translation>Checking {0}</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>The check was cancelled.</translation>
    </message>
    <message>
        <source>The file cannot be imported as it is:</source>
        <translation>The file cannot be imported as it is:</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n with problems</source>
        <translation>
            <numerusform>; %n with problems</numerusform>
            <numerusform>; %n with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n can be imported.</source>
        <translation>
            <numerusform>; %n can be imported.</numerusform>
            <numerusform>; %n can be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read, no problems: all can be imported.</source>
        <translation>
            <numerusform>%n row read, no problems: all can be imported.</numerusform>
            <numerusform>%n rows read, no problems: all can be imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>Columns found: {0}</source>
        <translation>Columns found: {0}</translation>
    </message>
    <message>
        <source>Not imported (unknown columns): {0}</source>
        <translation>Not imported (unknown columns): {0}</translation>
    </message>
    <message>
        <source>Text encoding: {0}</source>
        <translation>Text encoding: {0}</translation>
    </message>
    <message>
        <source>Importing {0}</source>
        <translation>Importing {0}</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has problems now.</source>
        <translation>Nothing was imported: the file has problems now.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Cancelled: nothing was imported.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s)</source>
        <translation>
            <numerusform>Imported %n row</numerusform>
            <numerusform>Imported %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; skipped %n.</source>
        <translation>
            <numerusform>; skipped %n.</numerusform>
            <numerusform>; skipped %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The skipped rows and their reasons: {0}</source>
        <translation>The skipped rows and their reasons: {0}</translation>
    </message>
</context>
<context>
    <name>QtImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>The register's answer</source>
        <translation>The register's answer</translation>
    </message>
    <message>
        <source>The assessor's answer</source>
        <translation>The assessor's answer</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Open the assessment</source>
        <translation>Open the assessment</translation>
    </message>
    <message>
        <source>Show the self-assessment…</source>
        <translation>Show the self-assessment…</translation>
    </message>
    <message>
        <source>This bundle was imported before: nothing changed in the register.</source>
        <translation>This bundle was imported before: nothing changed in the register.</translation>
    </message>
    <message>
        <source>The assignment was imported as assessment {0}: it is ready for the walk-through.</source>
        <translation>The assignment was imported as assessment {0}: it is ready for the walk-through.</translation>
    </message>
    <message>
        <source>The self-assessment was attached to {0}. It is self-declared: it never becomes answers of a certification assessment.</source>
        <translation>The self-assessment was attached to {0}. It is self-declared: it never becomes answers of a certification assessment.</translation>
    </message>
    <message>
        <source>The assessor's work was imported into assessment {0}.</source>
        <translation>The assessor's work was imported into assessment {0}.</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Self-assessments</source>
        <translation>Self-assessments</translation>
    </message>
    <message>
        <source>Keep the register's</source>
        <translation>Keep the register's</translation>
    </message>
    <message>
        <source>Take the assessor's</source>
        <translation>Take the assessor's</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>{0} of {1} items were changed both here and by the assessor since the assignment. Nothing was merged: choose for each which answer stands. Each choice is logged.</source>
        <translation>{0} of {1} items were changed both here and by the assessor since the assignment. Nothing was merged: choose for each which answer stands. Each choice is logged.</translation>
    </message>
    <message>
        <source>Every conflict is settled.</source>
        <translation>Every conflict is settled.</translation>
    </message>
    <message>
        <source>Settle a conflict</source>
        <translation>Settle a conflict</translation>
    </message>
    <message>
        <source>Sign in first: the choice is logged with your name.</source>
        <translation>Sign in first: the choice is logged with your name.</translation>
    </message>
    <message>
        <source>Kept the register's answer ({0})</source>
        <translation>Kept the register's answer ({0})</translation>
    </message>
    <message>
        <source>Took the assessor's answer ({0})</source>
        <translation>Took the assessor's answer ({0})</translation>
    </message>
</context>
<context>
    <name>QtIssueDialog</name>
    <message>
        <source>Issue a certificate</source>
        <translation>Issue a certificate</translation>
    </message>
    <message>
        <source>No decided assessment is waiting for a certificate.</source>
        <translation>No decided assessment is waiting for a certificate.</translation>
    </message>
    <message>
        <source>Default: the person who decided</source>
        <translation>Default: the person who decided</translation>
    </message>
    <message>
        <source>Opens the body's signing key for this session</source>
        <translation>Opens the body's signing key for this session</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <source>Body's passphrase</source>
        <translation>Body's passphrase</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Decided certification assessments without a certificate:</source>
        <translation>Decided certification assessments without a certificate:</translation>
    </message>
    <message>
        <source>Choose an assessment first.</source>
        <translation>Choose an assessment first.</translation>
    </message>
</context>
<context>
    <name>QtItemForm</name>
    <message>
        <source>Guidance for the assessor</source>
        <translation>Guidance for the assessor</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Assessor's note</source>
        <translation>Assessor's note</translation>
    </message>
    <message>
        <source>Observations, sample numbers, people interviewed…</source>
        <translation>Observations, sample numbers, people interviewed…</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <source>Attach evidence files (Ctrl+Shift+E), or drop files on this form. Each file is stored with its SHA-256.</source>
        <translation>Attach evidence files (Ctrl+Shift+E), or drop files on this form. Each file is stored with its SHA-256.</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>or drop files here</translation>
    </message>
    <message>
        <source>veto item</source>
        <translation>veto item</translation>
    </message>
    <message>
        <source>conformity item</source>
        <translation>conformity item</translation>
    </message>
    <message>
        <source>points item</source>
        <translation>points item</translation>
    </message>
    <message>
        <source>test item</source>
        <translation>test item</translation>
    </message>
    <message>
        <source>clause {0}</source>
        <translation>clause {0}</translation>
    </message>
    <message>
        <source>weight {0:g}</source>
        <translation>weight {0:g}</translation>
    </message>
    <message>
        <source>target level {0}</source>
        <translation>target level {0}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Typical evidence: {0}</source>
        <translation>Typical evidence: {0}</translation>
    </message>
    <message>
        <source>Keys answer {0} {1}</source>
        <translation>Keys answer {0} {1}</translation>
    </message>
    <message>
        <source>Click an answer or press Enter in the item list; answer keys act only here</source>
        <translation>Click an answer or press Enter in the item list; answer keys act only here</translation>
    </message>
    <message>
        <source>{0} {1}: {2} → {3}</source>
        <translation>{0} {1}: {2} → {3}</translation>
    </message>
    <message>
        <source>(retest after a failed result)</source>
        <translation>(retest after a failed result)</translation>
    </message>
    <message>
        <source>(corrected while typing)</source>
        <translation>(corrected while typing)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fail</translation>
    </message>
    <message>
        <source>conforms</source>
        <translation>conforms</translation>
    </message>
    <message>
        <source>minor NC</source>
        <translation>minor NC</translation>
    </message>
    <message>
        <source>major NC</source>
        <translation>major NC</translation>
    </message>
    <message>
        <source>{0} · SHA-256 {1}… · {2} · {3}</source>
        <translation>{0} · SHA-256 {1}… · {2} · {3}</translation>
    </message>
    <message>
        <source>Attach evidence to {0}</source>
        <translation>Attach evidence to {0}</translation>
    </message>
    <message>
        <source>{0} file(s) attached.</source>
        <translation>{0} file(s) attached.</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <source>Applicants</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Brand value</source>
        <translation>Brand value</translation>
    </message>
    <message>
        <source>Schemes</source>
        <translation>Schemes</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>brandmark — 品字标 certification</source>
        <translation>brandmark — 品字标 certification</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation>Demo data loaded</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Load the &amp;demo data</source>
        <translation>Load the &amp;demo data</translation>
    </message>
    <message>
        <source>&amp;Remove the demo data…</source>
        <translation>&amp;Remove the demo data…</translation>
    </message>
    <message>
        <source>Import a&amp;pplicants…</source>
        <translation>Import a&amp;pplicants…</translation>
    </message>
    <message>
        <source>Import produc&amp;ts…</source>
        <translation>Import produc&amp;ts…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Sign in…</translation>
    </message>
    <message>
        <source>&amp;Lock after idle time…</source>
        <translation>&amp;Lock after idle time…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source> (and {0} more)</source>
        <translation> (and {0} more)</translation>
    </message>
    <message>
        <source>This register is damaged and was opened read-only: you can look at everything, but nothing can be saved. Restore a backup with {0} (the backups are in the data folder's backups folder). The check found: {1}</source>
        <translation>This register is damaged and was opened read-only: you can look at everything, but nothing can be saved. Restore a backup with {0} (the backups are in the data folder's backups folder). The check found: {1}</translation>
    </message>
    <message>
        <source>Remove the demo data</source>
        <translation>Remove the demo data</translation>
    </message>
    <message>
        <source>Delete every demo record (names starting with 【演示】, the two demo people and certificates under body code DEMO)? Real records are not touched; the event log keeps a record of the removal.</source>
        <translation>Delete every demo record (names starting with 【演示】, the two demo people and certificates under body code DEMO)? Real records are not touched; the event log keeps a record of the removal.</translation>
    </message>
    <message>
        <source>Demo data removed: {0} applicants, {1} assessments, {2} certificates</source>
        <translation>Demo data removed: {0} applicants, {1} assessments, {2} certificates</translation>
    </message>
    <message>
        <source>Working: {0}</source>
        <translation>Working: {0}</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <source>The session locked after {0} minutes without input. Sign in again to go on.</source>
        <translation>The session locked after {0} minutes without input. Sign in again to go on.</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>Lock after idle time</translation>
    </message>
    <message>
        <source>Lock the session after this many minutes without input:</source>
        <translation>Lock the session after this many minutes without input:</translation>
    </message>
    <message>
        <source>none yet (brandmark-cli keys init makes it)</source>
        <translation>none yet (brandmark-cli keys init makes it)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About brandmark</source>
        <translation>&amp;About brandmark</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>in memory</translation>
    </message>
    <message>
        <source>The register's records were changed outside brandmark: {0}. Run “brandmark-cli db verify” for details, and restore a backup if nobody here made this change.</source>
        <translation>The register's records were changed outside brandmark: {0}. Run “brandmark-cli db verify” for details, and restore a backup if nobody here made this change.</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language changes the next time brandmark starts. Restart now?</source>
        <translation>The language changes the next time brandmark starts. Restart now?</translation>
    </message>
    <message>
        <source>&lt;p&gt;Database: {0}&lt;br&gt;Data folder: {1}&lt;br&gt;Signing key id: {2}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Database: {0}&lt;br&gt;Data folder: {1}&lt;br&gt;Signing key id: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About brandmark</source>
        <translation>About brandmark</translation>
    </message>
    <message>
        <source>&lt;b&gt;brandmark {0}&lt;/b&gt;&lt;p&gt;Assessment, scoring, certificates and brand-value estimates for the Zhejiang 品字标 brand (standard plus certification).&lt;/p&gt;&lt;p&gt;The reference scheme packs are brandmark's own modelling, not official text.&lt;/p&gt;&lt;p&gt;Fonts: LXGW WenKai (OFL), Droid Sans Fallback (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;b&gt;brandmark {0}&lt;/b&gt;&lt;p&gt;Assessment, scoring, certificates and brand-value estimates for the Zhejiang 品字标 brand (standard plus certification).&lt;/p&gt;&lt;p&gt;The reference scheme packs are brandmark's own modelling, not official text.&lt;/p&gt;&lt;p&gt;Fonts: LXGW WenKai (OFL), Droid Sans Fallback (Apache-2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>QtMarkUseDialog</name>
    <message>
        <source>Mark use: {0}</source>
        <translation>Mark use: {0}</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Used on</source>
        <translation>Used on</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Marks</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Mark use recorded</source>
        <translation>Mark use recorded</translation>
    </message>
    <message>
        <source>&amp;Replace the record of that year and use</source>
        <translation>&amp;Replace the record of that year and use</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>Used &amp;on</source>
        <translation>Used &amp;on</translation>
    </message>
    <message>
        <source>Marks printed or applie&amp;d</source>
        <translation>Marks printed or applie&amp;d</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>No&amp;te</translation>
    </message>
    <message>
        <source>Recorded &amp;by</source>
        <translation>Recorded &amp;by</translation>
    </message>
    <message>
        <source>Re&amp;cord</source>
        <translation>Re&amp;cord</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>&amp;Export table…</translation>
    </message>
    <message>
        <source>Save the mark use this table lists to an Excel workbook or a CSV file</source>
        <translation>Save the mark use this table lists to an Excel workbook or a CSV file</translation>
    </message>
    <message>
        <source>What the holder reported: the marks it printed or applied in the year, on each use. A year the certificate was not in force on any day (suspended, withdrawn, cancelled or expired the whole year) is refused.</source>
        <translation>What the holder reported: the marks it printed or applied in the year, on each use. A year the certificate was not in force on any day (suspended, withdrawn, cancelled or expired the whole year) is refused.</translation>
    </message>
    <message>
        <source>Mark use</source>
        <translation>Mark use</translation>
    </message>
</context>
<context>
    <name>QtNewApplicationDialog</name>
    <message>
        <source>New application</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>(choose the scheme)</source>
        <translation>(choose the scheme)</translation>
    </message>
    <message>
        <source>e.g. electric kettle</source>
        <translation>e.g. electric kettle</translation>
    </message>
    <message>
        <source>e.g. SK-1701, SK-1702</source>
        <translation>e.g. SK-1701, SK-1702</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>&amp;Applicant</translation>
    </message>
    <message>
        <source>&amp;Scheme pack</source>
        <translation>&amp;Scheme pack</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Product</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Models</translation>
    </message>
    <message>
        <source>S&amp;tandard number</source>
        <translation>S&amp;tandard number</translation>
    </message>
    <message>
        <source>&amp;Factory address</source>
        <translation>&amp;Factory address</translation>
    </message>
    <message>
        <source>&amp;Record application</source>
        <translation>&amp;Record application</translation>
    </message>
    <message>
        <source>Received today ({0}); its materials are then received one by one.</source>
        <translation>Received today ({0}); its materials are then received one by one.</translation>
    </message>
    <message>
        <source>Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY.</source>
        <translation>Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY.</translation>
    </message>
    <message>
        <source>Standard: {0}</source>
        <translation>Standard: {0}</translation>
    </message>
    <message>
        <source>Choose the applicant first.</source>
        <translation>Choose the applicant first.</translation>
    </message>
    <message>
        <source>Choose the scheme first.</source>
        <translation>Choose the scheme first.</translation>
    </message>
</context>
<context>
    <name>QtNewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>(choose the scheme)</source>
        <translation>(choose the scheme)</translation>
    </message>
    <message>
        <source>[reference pack]</source>
        <translation>[reference pack]</translation>
    </message>
    <message>
        <source>Who carries out the assessment</source>
        <translation>Who carries out the assessment</translation>
    </message>
    <message>
        <source>e.g. electric kettle (optional for a self-assessment)</source>
        <translation>e.g. electric kettle (optional for a self-assessment)</translation>
    </message>
    <message>
        <source>e.g. SK-1701, SK-1702</source>
        <translation>e.g. SK-1701, SK-1702</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>&amp;Applicant</translation>
    </message>
    <message>
        <source>&amp;Scheme pack</source>
        <translation>&amp;Scheme pack</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>&amp;Certification, from an accepted application</source>
        <translation>&amp;Certification, from an accepted application</translation>
    </message>
    <message>
        <source>Se&amp;lf-assessment (by the enterprise)</source>
        <translation>Se&amp;lf-assessment (by the enterprise)</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <source>Record an application, receive its materials and accept it</source>
        <translation>Record an application, receive its materials and accept it</translation>
    </message>
    <message>
        <source>Accepted appl&amp;ication</source>
        <translation>Accepted appl&amp;ication</translation>
    </message>
    <message>
        <source>Ass&amp;essor</source>
        <translation>Ass&amp;essor</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Product</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Models</translation>
    </message>
    <message>
        <source>S&amp;tandard number</source>
        <translation>S&amp;tandard number</translation>
    </message>
    <message>
        <source>&amp;Start assessment</source>
        <translation>&amp;Start assessment</translation>
    </message>
    <message>
        <source>#{0} {1} · {2} · {3} · accepted {4}</source>
        <translation>#{0} {1} · {2} · {3} · accepted {4}</translation>
    </message>
    <message>
        <source>(no product named)</source>
        <translation>(no product named)</translation>
    </message>
    <message>
        <source>The applicant, scheme and product are the application's.</source>
        <translation>The applicant, scheme and product are the application's.</translation>
    </message>
    <message>
        <source>(no accepted application waits for an assessment)</source>
        <translation>(no accepted application waits for an assessment)</translation>
    </message>
    <message>
        <source>A certification assessment starts from an accepted application: record one with “New application…”, receive its materials and accept it.</source>
        <translation>A certification assessment starts from an accepted application: record one with “New application…”, receive its materials and accept it.</translation>
    </message>
    <message>
        <source>Choose an accepted application first, or record one with “New application…”.</source>
        <translation>Choose an accepted application first, or record one with “New application…”.</translation>
    </message>
    <message>
        <source>Proposed for the applicant's industry ({0}).</source>
        <translation>Proposed for the applicant's industry ({0}).</translation>
    </message>
    <message>
        <source>No scheme lists the industry {0}: choose one.</source>
        <translation>No scheme lists the industry {0}: choose one.</translation>
    </message>
    <message>
        <source>The applicant has no industry recorded: choose the scheme.</source>
        <translation>The applicant has no industry recorded: choose the scheme.</translation>
    </message>
    <message>
        <source>Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY.</source>
        <translation>Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY.</translation>
    </message>
    <message>
        <source>Standard: {0}</source>
        <translation>Standard: {0}</translation>
    </message>
    <message>
        <source>Choose the applicant first.</source>
        <translation>Choose the applicant first.</translation>
    </message>
    <message>
        <source>Choose the scheme first.</source>
        <translation>Choose the scheme first.</translation>
    </message>
    <message>
        <source>No scheme pack is installed; import one on the Schemes page.</source>
        <translation>No scheme pack is installed; import one on the Schemes page.</translation>
    </message>
</context>
<context>
    <name>QtPlaceholderPage</name>
    <message>
        <source>This page is not available yet.</source>
        <translation>This page is not available yet.</translation>
    </message>
</context>
<context>
    <name>QtPointsEditor</name>
    <message>
        <source>Level {0}: {1} (shortcut: {0})</source>
        <translation>Level {0}: {1} (shortcut: {0})</translation>
    </message>
    <message>
        <source>Level {0}</source>
        <translation>Level {0}</translation>
    </message>
    <message>
        <source>(target)</source>
        <translation>(target)</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Not applicable (shortcut: N)</source>
        <translation>Not applicable (shortcut: N)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Remove this answer</source>
        <translation>Remove this answer</translation>
    </message>
</context>
<context>
    <name>QtQuantityField</name>
    <message>
        <source>Give a distribution instead of a single number</source>
        <translation>Give a distribution instead of a single number</translation>
    </message>
</context>
<context>
    <name>QtRadarChart</name>
    <message>
        <source>The radar needs three scored sections.</source>
        <translation>The radar needs three scored sections.</translation>
    </message>
</context>
<context>
    <name>QtRegisterColumns</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Demo data: not a real enterprise</source>
        <translation>Demo data: not a real enterprise</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Product testing</source>
        <translation>Product testing</translation>
    </message>
    <message>
        <source>Factory audit</source>
        <translation>Factory audit</translation>
    </message>
    <message>
        <source>Characteristics</source>
        <translation>Characteristics</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Grant</translation>
    </message>
    <message>
        <source>Grant after corrective action</source>
        <translation>Grant after corrective action</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Conditional grant</source>
        <translation>Conditional grant</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Next surveillance</source>
        <translation>Next surveillance</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>QtRegisterExporter</name>
    <message>
        <source>Applicants</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Brand-value estimates</source>
        <translation>Brand-value estimates</translation>
    </message>
    <message>
        <source>Mark use</source>
        <translation>Mark use</translation>
    </message>
    <message>
        <source>Export the table: {0}</source>
        <translation>Export the table: {0}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), as the table shows them (search, filter and order).</source>
        <translation>
            <numerusform>%n row, as the table shows them (search, filter and order).</numerusform>
            <numerusform>%n rows, as the table shows them (search, filter and order).</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting {0}</source>
        <translation>Exporting {0}</translation>
    </message>
</context>
<context>
    <name>QtRegisterView</name>
    <message numerus="yes">
        <source>%n match(es) for “{0}”</source>
        <translation>
            <numerusform>%n match for “{0}”</numerusform>
            <numerusform>%n matches for “{0}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtRenewDialog</name>
    <message>
        <source>Change certificate {0}</source>
        <translation>Change certificate {0}</translation>
    </message>
    <message>
        <source>Recertification before expiry (a full assessment)</source>
        <translation>Recertification before expiry (a full assessment)</translation>
    </message>
    <message>
        <source>Scope extension: new models (their test items are assessed)</source>
        <translation>Scope extension: new models (their test items are assessed)</translation>
    </message>
    <message>
        <source>Scope reduction: fewer models (reissued at once)</source>
        <translation>Scope reduction: fewer models (reissued at once)</translation>
    </message>
    <message>
        <source>Reissue after a change of the holder's data (reissued at once)</source>
        <translation>Reissue after a change of the holder's data (reissued at once)</translation>
    </message>
    <message>
        <source>When the old certificate expires ({0})</source>
        <translation>When the old certificate expires ({0})</translation>
    </message>
    <message>
        <source>At once (the old one is cancelled as superseded)</source>
        <translation>At once (the old one is cancelled as superseded)</translation>
    </message>
    <message>
        <source>Every model the new certificate names, comma-separated</source>
        <translation>Every model the new certificate names, comma-separated</translation>
    </message>
    <message>
        <source>The models it keeps, comma-separated</source>
        <translation>The models it keeps, comma-separated</translation>
    </message>
    <message>
        <source>What changed (kept in the register)</source>
        <translation>What changed (kept in the register)</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>New certificate takes over</source>
        <translation>New certificate takes over</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Models kept</source>
        <translation>Models kept</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Opens the body's signing key for this session</source>
        <translation>Opens the body's signing key for this session</translation>
    </message>
    <message>
        <source>{0} — {1}, models: {2}; valid until {3}</source>
        <translation>{0} — {1}, models: {2}; valid until {3}</translation>
    </message>
    <message>
        <source>Body's passphrase</source>
        <translation>Body's passphrase</translation>
    </message>
    <message>
        <source>Assessment #{0} started. Open its walk-through now?</source>
        <translation>Assessment #{0} started. Open its walk-through now?</translation>
    </message>
</context>
<context>
    <name>QtReportExporter</name>
    <message>
        <source>Assessment report</source>
        <translation>Assessment report</translation>
    </message>
    <message>
        <source>Surveillance report</source>
        <translation>Surveillance report</translation>
    </message>
    <message>
        <source>Gap list</source>
        <translation>Gap list</translation>
    </message>
    <message>
        <source>Self-assessment report</source>
        <translation>Self-assessment report</translation>
    </message>
    <message>
        <source>Export report: {0}</source>
        <translation>Export report: {0}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Writing the report</translation>
    </message>
</context>
<context>
    <name>QtRestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Backups of {0}, newest first. Only a backup that checks out (integrity and schema version) can be restored.</source>
        <translation>Backups of {0}, newest first. Only a backup that checks out (integrity and schema version) can be restored.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Kept as</source>
        <translation>Kept as</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>Checking the backups…</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Other file…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monthly</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) in {0}</source>
        <translation>
            <numerusform>%n backup in {0}</numerusform>
            <numerusform>%n backups in {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>No backups yet in {0}.</source>
        <translation>No backups yet in {0}.</translation>
    </message>
    <message>
        <source>checks out (schema {0})</source>
        <translation>checks out (schema {0})</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>damaged</translation>
    </message>
    <message>
        <source>made by a newer brandmark (schema {0})</source>
        <translation>made by a newer brandmark (schema {0})</translation>
    </message>
    <message>
        <source>not a brandmark register</source>
        <translation>not a brandmark register</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>not a file</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>Restore from a backup file</translation>
    </message>
    <message>
        <source>brandmark backups (*.db);;All files (*)</source>
        <translation>brandmark backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>{0} cannot be restored: {1}.</source>
        <translation>{0} cannot be restored: {1}.</translation>
    </message>
</context>
<context>
    <name>QtSaved</name>
    <message>
        <source>Saved to {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) saved in {0}</source>
        <translation>
            <numerusform>%n file saved in {0}</numerusform>
            <numerusform>%n files saved in {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>QtSchemesPage</name>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Content hash</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Levels / limit</source>
        <translation>Levels / limit</translation>
    </message>
    <message>
        <source>&amp;Import pack…</source>
        <translation>&amp;Import pack…</translation>
    </message>
    <message>
        <source>Va&amp;lidate file…</source>
        <translation>Va&amp;lidate file…</translation>
    </message>
    <message>
        <source>Scheme packs</source>
        <translation>Scheme packs</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>older version</source>
        <translation>older version</translation>
    </message>
    <message>
        <source>A reference pack written by brandmark, not official text</source>
        <translation>A reference pack written by brandmark, not official text</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>Veto</translation>
    </message>
    <message>
        <source>Conformity</source>
        <translation>Conformity</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>levels 0–{0}</source>
        <translation>levels 0–{0}</translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation>target {0}</translation>
    </message>
    <message>
        <source>rounded value</source>
        <translation>rounded value</translation>
    </message>
    <message>
        <source>full value</source>
        <translation>full value</translation>
    </message>
    <message>
        <source>National limit: {0}</source>
        <translation>National limit: {0}</translation>
    </message>
    <message>
        <source>Test method: {0}</source>
        <translation>Test method: {0}</translation>
    </message>
    <message>
        <source>Samples: {0}</source>
        <translation>Samples: {0}</translation>
    </message>
    <message>
        <source>pass / fail / not applicable</source>
        <translation>pass / fail / not applicable</translation>
    </message>
    <message>
        <source>conform / minor NC / major NC / not applicable</source>
        <translation>conform / minor NC / major NC / not applicable</translation>
    </message>
    <message>
        <source>reference pack</source>
        <translation>reference pack</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Import scheme pack</source>
        <translation>Import scheme pack</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>Import refused</translation>
    </message>
    <message>
        <source>{0} was not imported. Problems:</source>
        <translation>{0} was not imported. Problems:</translation>
    </message>
    <message>
        <source>Validate scheme pack</source>
        <translation>Validate scheme pack</translation>
    </message>
    <message>
        <source>Pack has problems</source>
        <translation>Pack has problems</translation>
    </message>
    <message>
        <source>{0} has these problems:</source>
        <translation>{0} has these problems:</translation>
    </message>
    <message>
        <source>Pack is valid</source>
        <translation>Pack is valid</translation>
    </message>
    <message>
        <source>{0}: {1} {2}, {3} sections, {4} items.
Content hash {5}</source>
        <translation>{0}: {1} {2}, {3} sections, {4} items.
Content hash {5}</translation>
    </message>
</context>
<context>
    <name>QtScorePanel</name>
    <message>
        <source>Reasons (click to go to the item)</source>
        <translation>Reasons (click to go to the item)</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Grant</translation>
    </message>
    <message>
        <source>Grant after corrective action</source>
        <translation>Grant after corrective action</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Veto item failed: {0}</source>
        <translation>Veto item failed: {0}</translation>
    </message>
    <message>
        <source>Major nonconformity: {0}</source>
        <translation>Major nonconformity: {0}</translation>
    </message>
    <message>
        <source>Minor nonconformity awaiting verified corrective action: {0}</source>
        <translation>Minor nonconformity awaiting verified corrective action: {0}</translation>
    </message>
    <message>
        <source>Test failed: {0} ({1} {2} against {3})</source>
        <translation>Test failed: {0} ({1} {2} against {3})</translation>
    </message>
    <message>
        <source>Required item unanswered: {0}</source>
        <translation>Required item unanswered: {0}</translation>
    </message>
    <message>
        <source>Total {0:.2f} is below the pass score {1:g}</source>
        <translation>Total {0:.2f} is below the pass score {1:g}</translation>
    </message>
    <message>
        <source>{0} minor nonconformities exceed the limit of {1}</source>
        <translation>{0} minor nonconformities exceed the limit of {1}</translation>
    </message>
    <message>
        <source>Readiness {0:.0f} %</source>
        <translation>Readiness {0:.0f} %</translation>
    </message>
    <message>
        <source>If certified now: {0}</source>
        <translation>If certified now: {0}</translation>
    </message>
    <message>
        <source>Verdict preview: {0}</source>
        <translation>Verdict preview: {0}</translation>
    </message>
    <message>
        <source>Total {0:.1f} / 100 (pass score {1:g}) · answered {2} of {3}</source>
        <translation>Total {0:.1f} / 100 (pass score {1:g}) · answered {2} of {3}</translation>
    </message>
    <message>
        <source>Nonconformities: major {0} · minor {1} · awaiting corrective action {2}</source>
        <translation>Nonconformities: major {0} · minor {1} · awaiting corrective action {2}</translation>
    </message>
    <message>
        <source>{0} required item(s) unanswered, first: {1}</source>
        <translation>{0} required item(s) unanswered, first: {1}</translation>
    </message>
    <message>
        <source>No reasons against granting.</source>
        <translation>No reasons against granting.</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} of {2:.1f}, {3} of {4} items answered</source>
        <translation>{0}: {1:.1f} of {2:.1f}, {3} of {4} items answered</translation>
    </message>
</context>
<context>
    <name>QtSelfAssessmentsDialog</name>
    <message>
        <source>Self-assessments of {0}</source>
        <translation>Self-assessments of {0}</translation>
    </message>
    <message>
        <source>Self-declared by the enterprise: shown for the application's review, never answers of a certification assessment.</source>
        <translation>Self-declared by the enterprise: shown for the application's review, never answers of a certification assessment.</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Declared by</source>
        <translation>Declared by</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Gap list: items below their target, largest first</source>
        <translation>Gap list: items below their target, largest first</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <source>Evidence files sent with it (checked by their SHA-256)</source>
        <translation>Evidence files sent with it (checked by their SHA-256)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Save a copy…</translation>
    </message>
    <message>
        <source>This applicant has sent no self-assessment.</source>
        <translation>This applicant has sent no self-assessment.</translation>
    </message>
    <message>
        <source>No evidence files were sent with it.</source>
        <translation>No evidence files were sent with it.</translation>
    </message>
    <message>
        <source>Readiness {0:.0f} % ({1} answers), declared by {2}.</source>
        <translation>Readiness {0:.0f} % ({1} answers), declared by {2}.</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>unanswered</translation>
    </message>
    <message>
        <source>No gaps: every item meets its target.</source>
        <translation>No gaps: every item meets its target.</translation>
    </message>
    <message>
        <source>Save a copy of the evidence file</source>
        <translation>Save a copy of the evidence file</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Saved to {0}</translation>
    </message>
</context>
<context>
    <name>QtSignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Choose who you are and enter your passphrase. What you decide, verify or authorise is signed with your key.</source>
        <translation>Choose who you are and enter your passphrase. What you decide, verify or authorise is signed with your key.</translation>
    </message>
    <message>
        <source>assessor</source>
        <translation>assessor</translation>
    </message>
    <message>
        <source>decider</source>
        <translation>decider</translation>
    </message>
    <message>
        <source>authoriser</source>
        <translation>authoriser</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Nobody is registered yet. Register the body's people with brandmark-cli people add; until then only self-assessments can be recorded.</source>
        <translation>Nobody is registered yet. Register the body's people with brandmark-cli people add; until then only self-assessments can be recorded.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Continue without signing in</source>
        <translation>Continue without signing in</translation>
    </message>
    <message>
        <source>Choose who you are.</source>
        <translation>Choose who you are.</translation>
    </message>
</context>
<context>
    <name>QtStatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>Sche&amp;me</source>
        <translation>Sche&amp;me</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>By region</translation>
    </message>
    <message>
        <source>By scheme</source>
        <translation>By scheme</translation>
    </message>
    <message>
        <source>Pass-rate trend</source>
        <translation>Pass-rate trend</translation>
    </message>
    <message>
        <source>Top nonconformities</source>
        <translation>Top nonconformities</translation>
    </message>
    <message>
        <source>Failed product tests</source>
        <translation>Failed product tests</translation>
    </message>
    <message>
        <source>Brand development index</source>
        <translation>Brand development index</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Save chart as P&amp;NG…</source>
        <translation>Save chart as P&amp;NG…</translation>
    </message>
    <message>
        <source>Save table as &amp;workbook…</source>
        <translation>Save table as &amp;workbook…</translation>
    </message>
    <message>
        <source>Counting the figures</source>
        <translation>Counting the figures</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{0}: table</source>
        <translation>{0}: table</translation>
    </message>
    <message>
        <source>{0}: chart</source>
        <translation>{0}: chart</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>All schemes</translation>
    </message>
    <message>
        <source>No region</source>
        <translation>No region</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
    <message>
        <source>{0} applicants · {1} assessments · {2} certificates · pass rate {3} ({4} of {5} decided) · median {6} days from application to decision · surveillance: {7} due, {8} overdue</source>
        <translation>{0} applicants · {1} assessments · {2} certificates · pass rate {3} ({4} of {5} decided) · median {6} days from application to decision · surveillance: {7} due, {8} overdue</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Pass rate</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Year of decision</source>
        <translation>Year of decision</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>Item id</translation>
    </message>
    <message>
        <source>Nonconformities</source>
        <translation>Nonconformities</translation>
    </message>
    <message>
        <source>Clause {0}</source>
        <translation>Clause {0}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Holders</source>
        <translation>Holders</translation>
    </message>
    <message>
        <source>Strength S</source>
        <translation>Strength S</translation>
    </message>
    <message>
        <source>Value V</source>
        <translation>Value V</translation>
    </message>
    <message>
        <source>Valued</source>
        <translation>Valued</translation>
    </message>
    <message>
        <source>Too old</source>
        <translation>Too old</translation>
    </message>
    <message>
        <source>Not comparable</source>
        <translation>Not comparable</translation>
    </message>
    <message>
        <source>No estimate</source>
        <translation>No estimate</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Surveillance visits due</source>
        <translation>Surveillance visits due</translation>
    </message>
    <message>
        <source>Surveillance visits overdue</source>
        <translation>Surveillance visits overdue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Index = 0.5 × S + 0.5 × V on {0}: S is the holders' decision score, V their latest brand-value estimate on a log scale (1 万元 = 0, 100 亿元 = 100). A group without an estimate has no index. See docs/statistics.md.</source>
        <translation>Index = 0.5 × S + 0.5 × V on {0}: S is the holders' decision score, V their latest brand-value estimate on a log scale (1 万元 = 0, 100 亿元 = 100). A group without an estimate has no index. See docs/statistics.md.</translation>
    </message>
    <message>
        <source>{0} of {1} assessments with measured product tests have a failed one.</source>
        <translation>{0} of {1} assessments with measured product tests have a failed one.</translation>
    </message>
    <message>
        <source>Assessments counted by the year they were created, certificates by the year they were issued; the pass rate is granted (including after corrective action) over decided.</source>
        <translation>Assessments counted by the year they were created, certificates by the year they were issued; the pass rate is granted (including after corrective action) over decided.</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG pictures (*.png)</translation>
    </message>
    <message>
        <source>Save table</source>
        <translation>Save table</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Workbooks (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>QtStatusChangeDialog</name>
    <message>
        <source>Suspend certificate {0}</source>
        <translation>Suspend certificate {0}</translation>
    </message>
    <message>
        <source>Reinstate certificate {0}</source>
        <translation>Reinstate certificate {0}</translation>
    </message>
    <message>
        <source>Withdraw certificate {0}</source>
        <translation>Withdraw certificate {0}</translation>
    </message>
    <message>
        <source>Cancel certificate {0}</source>
        <translation>Cancel certificate {0}</translation>
    </message>
    <message>
        <source>Why (kept in the register and the event log)</source>
        <translation>Why (kept in the register and the event log)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>This is final: a withdrawn or cancelled certificate cannot be reinstated.</source>
        <translation>This is final: a withdrawn or cancelled certificate cannot be reinstated.</translation>
    </message>
</context>
<context>
    <name>QtSurveillanceDialog</name>
    <message>
        <source>Surveillance due</source>
        <translation>Surveillance due</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>Complaint (substantiated)</source>
        <translation>Complaint (substantiated)</translation>
    </message>
    <message>
        <source>Failed sampling</source>
        <translation>Failed sampling</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Why due</source>
        <translation>Why due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>No surveillance visit is due in the next 90 days.</source>
        <translation>No surveillance visit is due in the next 90 days.</translation>
    </message>
    <message>
        <source>&amp;Open visit…</source>
        <translation>&amp;Open visit…</translation>
    </message>
    <message>
        <source>&amp;Record result…</source>
        <translation>&amp;Record result…</translation>
    </message>
    <message>
        <source>&amp;Extra visit…</source>
        <translation>&amp;Extra visit…</translation>
    </message>
    <message>
        <source>Visits due by {0}: {1}, of which overdue: {2}</source>
        <translation>Visits due by {0}: {1}, of which overdue: {2}</translation>
    </message>
    <message>
        <source>#{0} open</source>
        <translation>#{0} open</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>Overdue since {0}</source>
        <translation>Overdue since {0}</translation>
    </message>
    <message>
        <source>No active assessor is registered for this scheme.</source>
        <translation>No active assessor is registered for this scheme.</translation>
    </message>
    <message>
        <source>Open a surveillance visit</source>
        <translation>Open a surveillance visit</translation>
    </message>
    <message>
        <source>Assessor of the visit:</source>
        <translation>Assessor of the visit:</translation>
    </message>
    <message>
        <source>Visit started as assessment #{0}.</source>
        <translation>Visit started as assessment #{0}.</translation>
    </message>
    <message>
        <source>Earlier nonconformities to check again:</source>
        <translation>Earlier nonconformities to check again:</translation>
    </message>
    <message>
        <source>Open its walk-through now?</source>
        <translation>Open its walk-through now?</translation>
    </message>
</context>
<context>
    <name>QtSurveillanceResultDialog</name>
    <message>
        <source>Surveillance result for {0}</source>
        <translation>Surveillance result for {0}</translation>
    </message>
    <message>
        <source>Verdict of visit #{0}: {1} (total {2:.2f}; {3} of {4} items answered)</source>
        <translation>Verdict of visit #{0}: {1} (total {2:.2f}; {3} of {4} items answered)</translation>
    </message>
    <message>
        <source>Maintain</source>
        <translation>Maintain</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Why (needed to suspend or withdraw; kept with the status change)</source>
        <translation>Why (needed to suspend or withdraw; kept with the status change)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>You decide as the person signed in; whoever carried out the visit cannot.</source>
        <translation>You decide as the person signed in; whoever carried out the visit cannot.</translation>
    </message>
</context>
<context>
    <name>QtTestEditor</name>
    <message>
        <source>full-value comparison (全数值比较法)</source>
        <translation>full-value comparison (全数值比较法)</translation>
    </message>
    <message>
        <source>rounded-value comparison (修约值比较法)</source>
        <translation>rounded-value comparison (修约值比较法)</translation>
    </message>
    <message>
        <source>rounded to {0} decimal(s)</source>
        <translation>rounded to {0} decimal(s)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Judgement (GB/T 8170)</source>
        <translation>Judgement (GB/T 8170)</translation>
    </message>
    <message>
        <source>National limit</source>
        <translation>National limit</translation>
    </message>
    <message>
        <source>Test method</source>
        <translation>Test method</translation>
    </message>
    <message>
        <source>Measured value</source>
        <translation>Measured value</translation>
    </message>
    <message>
        <source>Sample {0}</source>
        <translation>Sample {0}</translation>
    </message>
    <message>
        <source>e.g. {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <source>Type the measured value; it is judged as you type and saved when you pause, press Enter or leave the field.</source>
        <translation>Type the measured value; it is judged as you type and saved when you pause, press Enter or leave the field.</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>This test does not apply to the product (shortcut: N)</source>
        <translation>This test does not apply to the product (shortcut: N)</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>not a number</translation>
    </message>
    <message>
        <source>compared {0} {1}</source>
        <translation>compared {0} {1}</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fail</translation>
    </message>
    <message>
        <source>Not saved: enter numbers such as {0}</source>
        <translation>Not saved: enter numbers such as {0}</translation>
    </message>
    <message>
        <source>No measured value yet</source>
        <translation>No measured value yet</translation>
    </message>
    <message>
        <source>Incomplete: {0} of {1} samples missing. What is typed is kept; the test counts as unanswered until every sample is in.</source>
        <translation>Incomplete: {0} of {1} samples missing. What is typed is kept; the test counts as unanswered until every sample is in.</translation>
    </message>
    <message>
        <source>PASS: within the limit {0}</source>
        <translation>PASS: within the limit {0}</translation>
    </message>
    <message>
        <source>FAIL: outside the limit {0}</source>
        <translation>FAIL: outside the limit {0}</translation>
    </message>
</context>
<context>
    <name>QtTornadoChart</name>
    <message>
        <source>No uncertain input: nothing to compare.</source>
        <translation>No uncertain input: nothing to compare.</translation>
    </message>
    <message>
        <source>Run an estimate to see which inputs move it most.</source>
        <translation>Run an estimate to see which inputs move it most.</translation>
    </message>
    <message>
        <source>Input at P10</source>
        <translation>Input at P10</translation>
    </message>
    <message>
        <source>Input at P90</source>
        <translation>Input at P90</translation>
    </message>
    <message>
        <source>Deterministic {0}</source>
        <translation>Deterministic {0}</translation>
    </message>
</context>
<context>
    <name>QtTrendChart</name>
    <message>
        <source>No decisions yet.</source>
        <translation>No decisions yet.</translation>
    </message>
</context>
<context>
    <name>QtValuationForm</name>
    <message>
        <source>Estimate</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>Relief from royalty</source>
        <translation>Relief from royalty</translation>
    </message>
    <message>
        <source>Multi-period excess earnings</source>
        <translation>Multi-period excess earnings</translation>
    </message>
    <message>
        <source>The brand valued (default: the applicant's name)</source>
        <translation>The brand valued (default: the applicant's name)</translation>
    </message>
    <message>
        <source>Purpose or remarks, printed in the report</source>
        <translation>Purpose or remarks, printed in the report</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Unit of amounts</source>
        <translation>Unit of amounts</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Forecast years</source>
        <translation>Forecast years</translation>
    </message>
    <message>
        <source>Brand revenue</source>
        <translation>Brand revenue</translation>
    </message>
    <message>
        <source>After-tax profit</source>
        <translation>After-tax profit</translation>
    </message>
    <message>
        <source>Royalty rate</source>
        <translation>Royalty rate</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Industry range placed by brand strength</source>
        <translation>Industry range placed by brand strength</translation>
    </message>
    <message>
        <source>e.g. 0.04</source>
        <translation>e.g. 0.04</translation>
    </message>
    <message>
        <source>Royalty range, low</source>
        <translation>Royalty range, low</translation>
    </message>
    <message>
        <source>e.g. 0.02</source>
        <translation>e.g. 0.02</translation>
    </message>
    <message>
        <source>Royalty range, high</source>
        <translation>Royalty range, high</translation>
    </message>
    <message>
        <source>e.g. 0.06</source>
        <translation>e.g. 0.06</translation>
    </message>
    <message>
        <source>Brand strength</source>
        <translation>Brand strength</translation>
    </message>
    <message>
        <source>0-100</source>
        <translation>0-100</translation>
    </message>
    <message>
        <source>From assessment</source>
        <translation>From assessment</translation>
    </message>
    <message>
        <source>Read the brand strength from the applicant's latest assessment</source>
        <translation>Read the brand strength from the applicant's latest assessment</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Brand strength (0-100)</source>
        <translation>Brand strength (0-100)</translation>
    </message>
    <message>
        <source>Contributory assets</source>
        <translation>Contributory assets</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Required return</source>
        <translation>Required return</translation>
    </message>
    <message>
        <source>Add asset</source>
        <translation>Add asset</translation>
    </message>
    <message>
        <source>Remove asset</source>
        <translation>Remove asset</translation>
    </message>
    <message>
        <source>Rates and discounting</source>
        <translation>Rates and discounting</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>Tax rate</translation>
    </message>
    <message>
        <source>e.g. 0.25</source>
        <translation>e.g. 0.25</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>Discount rate</translation>
    </message>
    <message>
        <source>e.g. 0.12</source>
        <translation>e.g. 0.12</translation>
    </message>
    <message>
        <source>Terminal value (Gordon growth)</source>
        <translation>Terminal value (Gordon growth)</translation>
    </message>
    <message>
        <source>Terminal growth</source>
        <translation>Terminal growth</translation>
    </message>
    <message>
        <source>Mid-year discounting</source>
        <translation>Mid-year discounting</translation>
    </message>
    <message>
        <source>Tax amortisation benefit over</source>
        <translation>Tax amortisation benefit over</translation>
    </message>
    <message>
        <source> years</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>Monte Carlo</translation>
    </message>
    <message>
        <source>The same seed and input give the same result</source>
        <translation>The same seed and input give the same result</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Trials</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>No assessment of this applicant to read the brand strength from.</source>
        <translation>No assessment of this applicant to read the brand strength from.</translation>
    </message>
    <message>
        <source>section scores mapped onto brand-value elements</source>
        <translation>section scores mapped onto brand-value elements</translation>
    </message>
    <message>
        <source>the assessment's total score</source>
        <translation>the assessment's total score</translation>
    </message>
    <message>
        <source>From assessment #{0} ({1} {2}): {3}.</source>
        <translation>From assessment #{0} ({1} {2}): {3}.</translation>
    </message>
    <message>
        <source>Given by you; assessment #{0} gives {1}.</source>
        <translation>Given by you; assessment #{0} gives {1}.</translation>
    </message>
    <message>
        <source>That assessment is not decided yet.</source>
        <translation>That assessment is not decided yet.</translation>
    </message>
    <message>
        <source>Year {0}</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <source>e.g. working capital</source>
        <translation>e.g. working capital</translation>
    </message>
    <message>
        <source>e.g. 0.05</source>
        <translation>e.g. 0.05</translation>
    </message>
    <message>
        <source>Royalty range</source>
        <translation>Royalty range</translation>
    </message>
    <message>
        <source>Brand revenue, year {0}</source>
        <translation>Brand revenue, year {0}</translation>
    </message>
    <message>
        <source>After-tax profit, year {0}</source>
        <translation>After-tax profit, year {0}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>required return</source>
        <translation>required return</translation>
    </message>
    <message>
        <source>Tax amortisation years</source>
        <translation>Tax amortisation years</translation>
    </message>
    <message>
        <source>asset {0}</source>
        <translation>asset {0}</translation>
    </message>
    <message>
        <source>The estimate was refused:</source>
        <translation>The estimate was refused:</translation>
    </message>
    <message>
        <source>is empty: give a number (or a distribution with ±)</source>
        <translation>is empty: give a number (or a distribution with ±)</translation>
    </message>
    <message>
        <source>{0} is not a number</source>
        <translation>{0} is not a number</translation>
    </message>
</context>
<context>
    <name>QtValuationHistory</name>
    <message>
        <source>Saved estimates of this applicant</source>
        <translation>Saved estimates of this applicant</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>P10 – P90</source>
        <translation>P10 – P90</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>&amp;Export estimates…</source>
        <translation>&amp;Export estimates…</translation>
    </message>
    <message>
        <source>Save this applicant's estimates, as the table lists them, to an Excel workbook or a CSV file</source>
        <translation>Save this applicant's estimates, as the table lists them, to an Excel workbook or a CSV file</translation>
    </message>
</context>
<context>
    <name>QtValuationMessages</name>
    <message>
        <source>triangular</source>
        <translation>triangular</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>uniform</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>lognormal</source>
        <translation>lognormal</translation>
    </message>
</context>
<context>
    <name>QtValuationPage</name>
    <message>
        <source>Brand value</source>
        <translation>Brand value</translation>
    </message>
    <message>
        <source>Search applicants by name or credit code</source>
        <translation>Search applicants by name or credit code</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>An estimate, not a certified value: every figure comes with its range, method and assumptions.</source>
        <translation>An estimate, not a certified value: every figure comes with its range, method and assumptions.</translation>
    </message>
    <message>
        <source>&amp;Run estimate</source>
        <translation>&amp;Run estimate</translation>
    </message>
    <message>
        <source>Save &amp;with applicant</source>
        <translation>Save &amp;with applicant</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <source>— choose an applicant —</source>
        <translation>— choose an applicant —</translation>
    </message>
    <message>
        <source>The form changed after this run: run again before saving.</source>
        <translation>The form changed after this run: run again before saving.</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in (Settings → Sign in…) to save an estimate under your name.</source>
        <translation>Nobody is signed in. Sign in (Settings → Sign in…) to save an estimate under your name.</translation>
    </message>
    <message>
        <source>Running the Monte Carlo estimate</source>
        <translation>Running the Monte Carlo estimate</translation>
    </message>
    <message>
        <source>{0} · {1} trials, {2} rejected ({3}), seed {4}; amounts in {5}.</source>
        <translation>{0} · {1} trials, {2} rejected ({3}), seed {4}; amounts in {5}.</translation>
    </message>
    <message>
        <source>Brand strength {0} from assessment #{1}.</source>
        <translation>Brand strength {0} from assessment #{1}.</translation>
    </message>
    <message>
        <source>Saved estimate #{0} by {1}.</source>
        <translation>Saved estimate #{0} by {1}.</translation>
    </message>
    <message>
        <source>Save estimate</source>
        <translation>Save estimate</translation>
    </message>
    <message>
        <source>Export the brand value report</source>
        <translation>Export the brand value report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the brand value report</source>
        <translation>Writing the brand value report</translation>
    </message>
    <message>
        <source>Choose an applicant to keep estimates with it</source>
        <translation>Choose an applicant to keep estimates with it</translation>
    </message>
    <message>
        <source>The form changed after this run: run again before saving</source>
        <translation>The form changed after this run: run again before saving</translation>
    </message>
</context>
<context>
    <name>QtValuationResults</name>
    <message>
        <source>Deterministic value</source>
        <translation>Deterministic value</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Run an estimate to see its range.</source>
        <translation>Run an estimate to see its range.</translation>
    </message>
    <message>
        <source>Distribution of the draws</source>
        <translation>Distribution of the draws</translation>
    </message>
    <message>
        <source>Sensitivity: each input at its P10 and P90</source>
        <translation>Sensitivity: each input at its P10 and P90</translation>
    </message>
    <message>
        <source>Deterministic</source>
        <translation>Deterministic</translation>
    </message>
</context>
<context>
    <name>QtVerifyDialog</name>
    <message>
        <source>Verify a certificate</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <source>Paste the QR code's text (BM1:…), or open the certificate's PDF or a photo of it</source>
        <translation>Paste the QR code's text (BM1:…), or open the certificate's PDF or a photo of it</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>Open &amp;PDF…</source>
        <translation>Open &amp;PDF…</translation>
    </message>
    <message>
        <source>Open p&amp;icture…</source>
        <translation>Open p&amp;icture…</translation>
    </message>
    <message>
        <source>A photo or scan of the certificate (PNG, JPEG): its QR code is read</source>
        <translation>A photo or scan of the certificate (PNG, JPEG): its QR code is read</translation>
    </message>
    <message>
        <source>&amp;Status list…</source>
        <translation>&amp;Status list…</translation>
    </message>
    <message>
        <source>Status from this register (no status list loaded)</source>
        <translation>Status from this register (no status list loaded)</translation>
    </message>
    <message>
        <source>Open a certificate PDF</source>
        <translation>Open a certificate PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Open a photo or scan of a certificate</source>
        <translation>Open a photo or scan of a certificate</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Open a status list</source>
        <translation>Open a status list</translation>
    </message>
    <message>
        <source>Status lists (*.json)</source>
        <translation>Status lists (*.json)</translation>
    </message>
    <message>
        <source>Status list no. {0} of {1} (body {2}), to be relied on until {3}</source>
        <translation>Status list no. {0} of {1} (body {2}), to be relied on until {3}</translation>
    </message>
</context>
<context>
    <name>QtWelcomePage</name>
    <message>
        <source>Welcome to brandmark</source>
        <translation>Welcome to brandmark</translation>
    </message>
    <message>
        <source>brandmark supports the 品字标 (“standard plus certification”) brand of Zhejiang: assessors walk a scheme's criteria with an applicant, the results are scored on this computer, a person who did not assess makes the decision, and certificates and brand-value estimates are printed. Everything is kept in one local database file; no network is needed.</source>
        <translation>brandmark supports the 品字标 (“standard plus certification”) brand of Zhejiang: assessors walk a scheme's criteria with an applicant, the results are scored on this computer, a person who did not assess makes the decision, and certificates and brand-value estimates are printed. Everything is kept in one local database file; no network is needed.</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>in memory</translation>
    </message>
    <message>
        <source>The database has no applicant yet. How would you like to begin?</source>
        <translation>The database has no applicant yet. How would you like to begin?</translation>
    </message>
    <message>
        <source>Register the first applicant…</source>
        <translation>Register the first applicant…</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Load the demo data</translation>
    </message>
    <message>
        <source>The demo data are invented enterprises marked 【演示】, with finished and open assessments against the reference packs. They are clearly labelled as demo everywhere.</source>
        <translation>The demo data are invented enterprises marked 【演示】, with finished and open assessments against the reference packs. They are clearly labelled as demo everywhere.</translation>
    </message>
    <message>
        <source>Loading the demo data</source>
        <translation>Loading the demo data</translation>
    </message>
</context>
</TS>
