<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerCommand</name>
    <message>
        <source>Answer {0}</source>
        <translation>作答 {0}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QtAppContext</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
</context>
<context>
    <name>QtApplicantDialog</name>
    <message>
        <source>Edit applicant</source>
        <translation>编辑申请企业</translation>
    </message>
    <message>
        <source>New applicant</source>
        <translation>新建申请企业</translation>
    </message>
    <message>
        <source>Registered name, e.g. 杭州某某电器有限公司</source>
        <translation>营业执照上的名称，如：杭州某某电器有限公司</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91330100MA2XXXXXXX</source>
        <translation>18位，如：91330100MA2XXXXXXX</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>e.g. household appliances</source>
        <translation>如：家用电器</translation>
    </message>
    <message>
        <source>person and telephone</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>企业名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>所在地区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>所属行业(&amp;I)</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>联系方式(&amp;O)</translation>
    </message>
    <message>
        <source>The unified social credit code has 18 characters.</source>
        <translation>统一社会信用代码为18位字符。</translation>
    </message>
    <message>
        <source>Valid code: {0}</source>
        <translation>代码有效：{0}</translation>
    </message>
    <message>
        <source>From the credit code&apos;s division digits ({0}); you can change it.</source>
        <translation>按信用代码的行政区划码（{0}）填写，可更改。</translation>
    </message>
</context>
<context>
    <name>QtApplicantPicker</name>
    <message>
        <source>Type part of the name or credit code</source>
        <translation>输入企业名称或信用代码的一部分</translation>
    </message>
    <message>
        <source>(no applicant matches)</source>
        <translation>（没有匹配的申请企业）</translation>
    </message>
</context>
<context>
    <name>QtApplicantsPage</name>
    <message>
        <source>Search by name or credit code fragment</source>
        <translation>按企业名称或信用代码片段搜索</translation>
    </message>
    <message>
        <source>&amp;New applicant…</source>
        <translation>新建申请企业(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>New &amp;assessment…</source>
        <translation>新建评审(&amp;A)…</translation>
    </message>
    <message>
        <source>Self-assess&amp;ments…</source>
        <translation>企业自评(&amp;M)…</translation>
    </message>
    <message>
        <source>E&amp;xport table…</source>
        <translation>导出表格(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the rows the table shows, searched and sorted as they are, to an Excel workbook or a CSV file</source>
        <translation>按当前的搜索和排序，将表格所显示的行保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请企业</translation>
    </message>
</context>
<context>
    <name>QtApplicationsDialog</name>
    <message>
        <source>Applications</source>
        <translation>申请与受理</translation>
    </message>
</context>
<context>
    <name>QtApplicationsPage</name>
    <message>
        <source>open</source>
        <translation>待受理</translation>
    </message>
    <message>
        <source>returned for completion</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请与受理</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>新建申请(&amp;N)…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>显示(&amp;O)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>认证方案</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>所需资料</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>是否必需</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>所需资料</translation>
    </message>
    <message>
        <source>&amp;Receive file…</source>
        <translation>收到文件(&amp;R)…</translation>
    </message>
    <message>
        <source>Record the chosen material as received, with its file</source>
        <translation>记录所选资料已收到，并附上其文件</translation>
    </message>
    <message>
        <source>Not a&amp;pplicable</source>
        <translation>不适用(&amp;P)</translation>
    </message>
    <message>
        <source>Record the chosen material as not applicable to this applicant</source>
        <translation>记录所选资料对该申请企业不适用</translation>
    </message>
    <message>
        <source>Save a cop&amp;y…</source>
        <translation>保存副本(&amp;Y)…</translation>
    </message>
    <message>
        <source>Save a copy of the file received for the chosen material</source>
        <translation>将所选资料已收到的文件另存一份</translation>
    </message>
    <message>
        <source>Reason (required to return or refuse; the applicant is told)</source>
        <translation>理由（退回补正或不予受理时必填，将告知申请人）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>A&amp;ccept</source>
        <translation>受理(&amp;C)</translation>
    </message>
    <message>
        <source>Accept the application: its date starts the decision clock</source>
        <translation>受理该申请：受理日期起算认证决定时限</translation>
    </message>
    <message>
        <source>Re&amp;turn for completion</source>
        <translation>退回补正(&amp;T)</translation>
    </message>
    <message>
        <source>Ref&amp;use</source>
        <translation>不予受理(&amp;U)</translation>
    </message>
    <message>
        <source>Start &amp;assessment…</source>
        <translation>开始评审(&amp;A)…</translation>
    </message>
    <message>
        <source>Acceptance decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Today {0} · {1} applications · {2} waiting for acceptance</source>
        <translation>今天 {0} · 共 {1} 份申请 · {2} 份待受理</translation>
    </message>
    <message>
        <source>No application chosen.</source>
        <translation>未选择申请。</translation>
    </message>
    <message>
        <source>#{0} {1} ({2}) · {3} {4} · {5}</source>
        <translation>#{0} {1}（{2}）· {3} {4} · {5}</translation>
    </message>
    <message>
        <source>Received {0}</source>
        <translation>{0} 收到</translation>
    </message>
    <message>
        <source>accepted {0}</source>
        <translation>{0} 受理</translation>
    </message>
    <message>
        <source>assessment #{0}</source>
        <translation>评审 #{0}</translation>
    </message>
    <message>
        <source>{0} due {1}: {2}</source>
        <translation>{0}期限 {1}：{2}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>{0}: {1} by {2}</source>
        <translation>{0}：{1}（{2}）</translation>
    </message>
    <message>
        <source>Sign in to decide (Settings → Sign in…): the decision is signed by the person signed in.</source>
        <translation>作出受理决定须先登录（设置 → 登录…）：决定由登录人签名。</translation>
    </message>
    <message>
        <source>Decided and signed by {0}, signed in.</source>
        <translation>由已登录的 {0} 决定并签名。</translation>
    </message>
    <message>
        <source>The file received for “{0}”</source>
        <translation>收到的“{0}”文件</translation>
    </message>
    <message>
        <source>Save a copy of “{0}”</source>
        <translation>另存“{0}”的副本</translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation>无法写入文件：{0}</translation>
    </message>
    <message>
        <source>Sign in first (Settings → Sign in…): the decision is signed by the person signed in.</source>
        <translation>请先登录（设置 → 登录…）：受理决定由登录人签名。</translation>
    </message>
</context>
<context>
    <name>QtAssessmentClock</name>
    <message>
        <source>Decision due {0} · {1}</source>
        <translation>认证决定期限 {0} · {1}</translation>
    </message>
</context>
<context>
    <name>QtAssessmentHost</name>
    <message>
        <source>← Back to the assessments register</source>
        <translation>← 返回评审列表</translation>
    </message>
</context>
<context>
    <name>QtAssessmentPage</name>
    <message>
        <source>This pack has no items in this stage.</source>
        <translation>该评价包在此阶段没有评价项。</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一项</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一项</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <source>Undo answer</source>
        <translation>撤销作答</translation>
    </message>
    <message>
        <source>Redo answer</source>
        <translation>重做作答</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>添加证据…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>作出决定…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Export gap list (self-assessment report)…</source>
        <translation>导出差距清单（企业自评报告）…</translation>
    </message>
    <message>
        <source>Audit plan…</source>
        <translation>审核计划…</translation>
    </message>
    <message>
        <source>Answer key {0}</source>
        <translation>作答快捷键 {0}</translation>
    </message>
    <message>
        <source>Undo {0}</source>
        <translation>撤销{0}</translation>
    </message>
    <message>
        <source>Redo {0}</source>
        <translation>重做{0}</translation>
    </message>
    <message>
        <source>self-assessment</source>
        <translation>企业自评</translation>
    </message>
    <message>
        <source>certification</source>
        <translation>认证评审</translation>
    </message>
    <message>
        <source>surveillance visit</source>
        <translation>监督审核</translation>
    </message>
    <message>
        <source>recertification</source>
        <translation>再认证</translation>
    </message>
    <message>
        <source>scope change</source>
        <translation>范围变更</translation>
    </message>
    <message>
        <source>{0} of certificate {1}</source>
        <translation>{0}（证书 {1}）</translation>
    </message>
    <message>
        <source>Assessment #{0}</source>
        <translation>评审 #{0}</translation>
    </message>
    <message>
        <source>assessor {0}</source>
        <translation>评审员 {0}</translation>
    </message>
    <message>
        <source>Decided ({0}) by {1} on {2}: this assessment is read-only.</source>
        <translation>已由 {1} 于 {2} 作出决定（{0}）：本评审为只读。</translation>
    </message>
    <message>
        <source>This assessment is {0}: read-only.</source>
        <translation>本评审{0}：只读。</translation>
    </message>
    <message>
        <source>Application review</source>
        <translation>申请受理</translation>
    </message>
    <message>
        <source>Product testing</source>
        <translation>产品检验</translation>
    </message>
    <message>
        <source>Factory audit</source>
        <translation>工厂审核</translation>
    </message>
    <message>
        <source>Characteristics</source>
        <translation>四大特征</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>{0} of {1} items answered</source>
        <translation>已作答 {0}/{1} 项</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>incomplete (counts as unanswered)</source>
        <translation>未完成（按未作答计）</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>minor nonconformity</source>
        <translation>一般不符合</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>低于目标</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>answer to {0} {1}</source>
        <translation>对 {0} {1} 的作答</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>作答未保存</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>认证决定</translation>
    </message>
    <message>
        <source>The assessment is incomplete: answer every required item before deciding.</source>
        <translation>评审尚未完成：请先完成所有必答项再作决定。</translation>
    </message>
</context>
<context>
    <name>QtAssessmentSummary</name>
    <message>
        <source>Product tests (GB/T 8170)</source>
        <translation>产品检验（GB/T 8170）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>比较值</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>判定方法</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Nonconformities</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>&amp;Export nonconformities…</source>
        <translation>导出不符合项(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the nonconformities this table lists, in its order, to an Excel workbook or a CSV file</source>
        <translation>将此表所列的不符合项按表中顺序保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>作出决定…</translation>
    </message>
    <message>
        <source>Record the certification decision (Ctrl+Shift+D). The decider must not be the assessor.</source>
        <translation>记录认证决定（Ctrl+Shift+D）。决定人不得是评审员本人。</translation>
    </message>
    <message>
        <source>Gap list: items below their target, largest first</source>
        <translation>差距清单：低于目标的评价项，差距大的在前</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Export gap list…</source>
        <translation>导出差距清单…</translation>
    </message>
    <message>
        <source>The self-assessment report of these answers: readiness and every item below its target, for the enterprise (Ctrl+Shift+G)</source>
        <translation>按这些答案生成的企业自评报告：准备度和每个低于目标的评价项，供企业整改（Ctrl+Shift+G）</translation>
    </message>
    <message>
        <source>Summary: {0}</source>
        <translation>汇总：{0}</translation>
    </message>
    <message>
        <source>(no product recorded)</source>
        <translation>（未记录产品）</translation>
    </message>
    <message>
        <source>Product: {0} · Pack: {1} {2} (SHA-256 {3}…) · Mode: {4} · Assessor: {5}</source>
        <translation>产品：{0} · 评价包：{1} {2}（SHA-256 {3}…）· 类型：{4} · 评审员：{5}</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未检测</translation>
    </message>
    <message>
        <source>rounded</source>
        <translation>修约值比较法</translation>
    </message>
    <message>
        <source>full value</source>
        <translation>全数值比较法</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>一般不符合</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重不符合</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>closed (verified)</source>
        <translation>已关闭（已验证）</translation>
    </message>
    <message>
        <source>No nonconformities recorded.</source>
        <translation>未记录不符合项。</translation>
    </message>
    <message>
        <source>Save the self-assessment report as a PDF (Ctrl+Shift+R)</source>
        <translation>将企业自评报告保存为 PDF（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Save the surveillance visit report as a PDF (Ctrl+Shift+R)</source>
        <translation>将监督报告保存为 PDF（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Save the certification assessment report as a PDF (Ctrl+Shift+R)</source>
        <translation>将认证评审报告保存为 PDF（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Self-assessment: readiness {0:.0f} %. No certification decision is made; close the gaps below, then apply.</source>
        <translation>企业自评：准备度 {0:.0f} %。自评不作认证决定；请先弥补下列差距，再提出申请。</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>{0} · now {1}, target {2} · shortfall {3:.2f}</source>
        <translation>{0} · 现为 {1}，目标 {2} · 差距 {3:.2f}</translation>
    </message>
    <message>
        <source>No gaps: every item meets its target.</source>
        <translation>没有差距：所有评价项均达到目标。</translation>
    </message>
    <message>
        <source>Decided: {0} by {1} on {2}. The assessment is read-only.</source>
        <translation>已决定：{1} 于 {2} 决定{0}。本评审为只读。</translation>
    </message>
    <message>
        <source>Verdict preview: {0}. A person who did not carry out this assessment records the decision.</source>
        <translation>结论预览：{0}。认证决定须由未参与本次评审的人员作出。</translation>
    </message>
    <message>
        <source>No decision yet: the assessment is incomplete ({0} of {1} items answered).</source>
        <translation>尚不能决定：评审未完成（已作答 {0}/{1} 项）。</translation>
    </message>
</context>
<context>
    <name>QtAssessmentsPage</name>
    <message>
        <source>Search by applicant, code, assessor, product or scheme</source>
        <translation>按申请企业、信用代码、评审员、产品或认证方案搜索</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>新建评审(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>导出报告(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the selected assessment&apos;s report as a PDF: the assessment report, or a self-assessment&apos;s own report</source>
        <translation>将所选评审的报告保存为 PDF：认证评审为评审报告，企业自评为自评报告</translation>
    </message>
    <message>
        <source>&amp;Assign to assessor…</source>
        <translation>分派给评审员(&amp;A)…</translation>
    </message>
    <message>
        <source>Write the selected certification assessment&apos;s assignment, signed with the body&apos;s key, for its assessor to import on their laptop</source>
        <translation>为选中的认证评审生成任务包（以机构密钥签名），供评审员在其笔记本电脑上导入</translation>
    </message>
    <message>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the rows the table shows, searched and sorted as they are, to an Excel workbook or a CSV file</source>
        <translation>按当前的搜索和排序，将表格所显示的行保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评审</translation>
    </message>
</context>
<context>
    <name>QtAuditPlanDialog</name>
    <message>
        <source>Audit plan: assessment #{0}</source>
        <translation>审核计划：评审 #{0}</translation>
    </message>
    <message>
        <source>Assessment #{0} · {1}</source>
        <translation>评审 #{0} · {1}</translation>
    </message>
    <message>
        <source>Plan the audit</source>
        <translation>策划审核</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <source>Production sites</source>
        <translation>生产场所数</translation>
    </message>
    <message>
        <source>Product units in the scope</source>
        <translation>认证单元数</translation>
    </message>
    <message>
        <source>Assessors in the team</source>
        <translation>审核组人数</translation>
    </message>
    <message>
        <source>First audit day</source>
        <translation>首个审核日</translation>
    </message>
    <message>
        <source>This pack has no person-day table: its audit cannot be sized here.</source>
        <translation>此评价包没有审核人日表，无法在此确定审核规模。</translation>
    </message>
    <message>
        <source>Person-days from the pack&apos;s table ({0}); the team: active assessors competent for the scheme who never consulted for the applicant.</source>
        <translation>人日按评价包的人日表确定（{0}）；审核组：在册、具备该方案能力且从未向申请方提供咨询的审核员。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>审核规模</translation>
    </message>
    <message>
        <source>No audit planned yet.</source>
        <translation>尚未策划审核。</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Auditing</source>
        <translation>审核人日</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议人日</translation>
    </message>
    <message>
        <source>Person-days</source>
        <translation>合计人日</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>评价项</translation>
    </message>
    <message>
        <source>Save the plan PDF…</source>
        <translation>保存审核计划 PDF…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>审核组</translation>
    </message>
    <message>
        <source>Programme: who audits what, when</source>
        <translation>日程与分工：谁在何时审核哪些项目</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record a consultancy…</source>
        <translation>记录咨询关系…</translation>
    </message>
    <message>
        <source>A person who gave consultancy to this applicant may not audit it (ISO/IEC 17065 4.2); they are left out of the team.</source>
        <translation>向该申请方提供过咨询的人员不得审核该申请方（ISO/IEC 17065 4.2），不会被选入审核组。</translation>
    </message>
    <message>
        <source>Consultancy for this applicant</source>
        <translation>对该申请方的咨询记录</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>审核组长</translation>
    </message>
    <message>
        <source>{0} person-days · {1} to {2}, {3} working day(s) on site · planned {4} by {5}</source>
        <translation>{0} 人日 · {1} 至 {2}，现场 {3} 个工作日 · {4} 由 {5} 策划</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>无截止</translation>
    </message>
    <message>
        <source>Audit plan</source>
        <translation>审核计划</translation>
    </message>
    <message>
        <source>Save the audit plan</source>
        <translation>保存审核计划</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the audit plan</source>
        <translation>正在生成审核计划</translation>
    </message>
</context>
<context>
    <name>QtBackupActions</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>No backup yet — File → Back up now</source>
        <translation>尚无备份 — 文件 → 立即备份</translation>
    </message>
    <message>
        <source>Last backup {0} — File → Back up now</source>
        <translation>上次备份 {0} — 文件 → 立即备份</translation>
    </message>
    <message>
        <source>brandmark backs the register up on the first change of each day; the last backup is more than a day old.</source>
        <translation>brandmark 在每天第一次修改时自动备份登记簿；上次备份已超过一天。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>正在备份登记簿…</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore the register from the backup of {0}?

The current register is kept beside it (renamed, never deleted), and brandmark restarts on the restored one. Close other brandmark windows on this register first.</source>
        <translation>用 {0} 的备份恢复登记簿？

当前登记簿会保留在旁边（改名，不会删除），brandmark 随后在恢复的登记簿上重新启动。请先关闭打开此登记簿的其他 brandmark 窗口。</translation>
    </message>
    <message>
        <source>The previous register is kept as {0}.</source>
        <translation>原登记簿保留为 {0}。</translation>
    </message>
    <message>
        <source>The register was restored from {0}. {1}

brandmark restarts now.</source>
        <translation>登记簿已从 {0} 恢复。{1}

brandmark 现在重新启动。</translation>
    </message>
    <message>
        <source>Restoring the register…</source>
        <translation>正在恢复登记簿…</translation>
    </message>
</context>
<context>
    <name>QtBarChart</name>
    <message>
        <source>Nothing to count yet.</source>
        <translation>暂无可统计的数据。</translation>
    </message>
</context>
<context>
    <name>QtBatchImportDialog</name>
    <message>
        <source>Import of {0} bundles</source>
        <translation>导入 {0} 个交换包</translation>
    </message>
    <message>
        <source>{0} of {1} bundles were imported, each on its own: a refused one changed nothing and did not stop the others.</source>
        <translation>{1} 个交换包中有 {0} 个已导入，逐个单独进行：被拒绝的交换包未改动任何内容，也未中断其他交换包。</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>交换包</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Show the report…</source>
        <translation>查看报告…</translation>
    </message>
</context>
<context>
    <name>QtBatchPrintDialog</name>
    <message>
        <source>Print all valid certificates</source>
        <translation>打印全部有效证书</translation>
    </message>
    <message>
        <source>One combined PDF (one page per certificate, to print in one go)</source>
        <translation>合并为一个 PDF（每张证书一页，一次打印）</translation>
    </message>
    <message>
        <source>One PDF file per certificate, named by its number, in a folder</source>
        <translation>每张证书一个 PDF 文件，以证书编号命名，存入一个文件夹</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>继续…</translation>
    </message>
    <message numerus="yes">
        <source>%n valid certificate(s) will be written.</source>
        <translation>
            <numerusform>将输出 %n 张有效证书。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtBodySettingsDialog</name>
    <message>
        <source>Body settings</source>
        <translation>机构设置</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Certificate numbers</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Built-in emblem</source>
        <translation>内置徽标</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Issue and expiry dates, the year in certificate numbers, deadlines, surveillance dates and report dates are in this time zone.</source>
        <translation>发证日期、有效期、证书编号中的年份、整改期限、监督日期和报告中的日期均按此时区计算。</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Body code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Status lists valid for</source>
        <translation>状态清单有效期</translation>
    </message>
    <message>
        <source>The built-in emblem with the body code</source>
        <translation>内置徽标（带机构代码）</translation>
    </message>
    <message>
        <source>Choose the body&apos;s logo</source>
        <translation>选择机构标志</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Fields: {body} body code, {scheme} scheme code, {year} year of issue, {seq:05d} sequence (five digits); the sequence restarts for each prefix.</source>
        <translation>字段：{body} 机构代码，{scheme} 方案代码，{year} 发证年份，{seq:05d} 流水号（五位）；每个前缀的流水号从 1 重新计。</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Number pattern</source>
        <translation>编号格式</translation>
    </message>
    <message>
        <source>Next number, for example</source>
        <translation>下一个编号示例</translation>
    </message>
    <message>
        <source>Scheme codes (in certificate numbers):</source>
        <translation>方案代码（用于证书编号）：</translation>
    </message>
    <message>
        <source>&amp;Rotate the key…</source>
        <translation>更换密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>Export the &amp;trust list…</source>
        <translation>导出信任清单(&amp;T)…</translation>
    </message>
    <message>
        <source>Certificates are signed with the current key. Rotating makes a new key; the old one keeps verifying what it signed. Offices that check certificates offline import the trust list (every key of the body, signed).</source>
        <translation>证书由当前密钥签名。更换密钥会生成新密钥；旧密钥签过的证书仍可验证。离线核验证书的单位需导入信任清单（本机构的全部密钥，经签名）。</translation>
    </message>
    <message>
        <source>All keys of this register:</source>
        <translation>本登记簿的全部密钥：</translation>
    </message>
    <message>
        <source>No signing key yet: it is made with “brandmark-cli keys init” before the first certificate.</source>
        <translation>尚无签名密钥：请在发第一张证书前用 “brandmark-cli keys init” 生成。</translation>
    </message>
    <message>
        <source>open for this session</source>
        <translation>本次会话已打开</translation>
    </message>
    <message>
        <source>locked (asks the body&apos;s passphrase)</source>
        <translation>已锁定（需要机构口令）</translation>
    </message>
    <message>
        <source>Current key {0}, in use since {1}; {2}.</source>
        <translation>当前密钥 {0}，自 {1} 起使用；{2}。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>revoked since {0}: {1}</source>
        <translation>自 {0} 起吊销：{1}</translation>
    </message>
    <message>
        <source>The body&apos;s passphrase:</source>
        <translation>机构口令：</translation>
    </message>
    <message>
        <source>Rotate the key</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <source>Make a new signing key? Certificates issued from now on are signed with it; offices need the new trust list.</source>
        <translation>生成新的签名密钥？此后发出的证书都用它签名；核验单位需要新的信任清单。</translation>
    </message>
    <message>
        <source>New key {0}. Export the trust list for the offices that check certificates.</source>
        <translation>新密钥 {0}。请为核验证书的单位导出信任清单。</translation>
    </message>
    <message>
        <source>Export the trust list</source>
        <translation>导出信任清单</translation>
    </message>
    <message>
        <source>Trust lists (*.json)</source>
        <translation>信任清单 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>This register is in memory: it has no backups.</source>
        <translation>此登记簿在内存中，没有备份。</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>尚无备份。</translation>
    </message>
    <message>
        <source>Last backup {0}: {1}</source>
        <translation>最近一次备份 {0}：{1}</translation>
    </message>
    <message>
        <source>A backup is due: the last one is more than a day old.</source>
        <translation>需要备份：最近一次备份已超过一天。</translation>
    </message>
    <message>
        <source>Backups are up to date.</source>
        <translation>备份是最新的。</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) kept in {0}</source>
        <translation>
            <numerusform>{0} 中保留 %n 份备份</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept: the last {0} days with a backup and the first of each of the last {1} months; a backup is made before the first change of each day.</source>
        <translation>保留：最近 {0} 个有备份的日子，以及最近 {1} 个月每月的第一份；每天第一次修改前自动备份。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>正在备份登记簿…</translation>
    </message>
</context>
<context>
    <name>QtCalendarDialog</name>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>The mainland China calendar data covers {0}–{1}. For a later year, enter its official holidays and adjusted working days below, then declare it; until then deadlines in it are provisional (Monday to Friday).</source>
        <translation>中国大陆日历数据覆盖 {0}–{1} 年。以后的年份，请在下方录入该年官方放假和调休上班日，再声明该年已录入；在此之前，落在该年的时限为暂定日期（按周一至周五计算）。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Remove the selected days</source>
        <translation>删除所选日期</translation>
    </message>
    <message>
        <source>e.g. body closed; Spring Festival holidays</source>
        <translation>例如：机构停业；春节假期</translation>
    </message>
    <message>
        <source>Add the days</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Add days</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Declared by</source>
        <translation>声明人</translation>
    </message>
    <message>
        <source>e.g. the State Council&apos;s notice for that year</source>
        <translation>例如：该年国务院办公厅放假安排通知</translation>
    </message>
    <message>
        <source>Declare the year complete</source>
        <translation>声明该年已录入</translation>
    </message>
    <message>
        <source>Years the body entered</source>
        <translation>本机构录入的年份</translation>
    </message>
    <message>
        <source>The body&apos;s own days</source>
        <translation>本机构自定日期</translation>
    </message>
    <message>
        <source>body closed (closure day)</source>
        <translation>机构停业日</translation>
    </message>
    <message>
        <source>public holiday (entered year)</source>
        <translation>法定节假日（录入年份）</translation>
    </message>
    <message>
        <source>adjusted working day (entered year)</source>
        <translation>调休上班日（录入年份）</translation>
    </message>
</context>
<context>
    <name>QtCertificatePrinting</name>
    <message>
        <source>Print certificates</source>
        <translation>打印证书</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n 张证书</numerusform>
        </translation>
    </message>
    <message>
        <source>Save certificate PDF</source>
        <translation>保存证书 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the certificate PDFs</source>
        <translation>存放证书 PDF 的文件夹</translation>
    </message>
    <message>
        <source>Save all valid certificates in one PDF</source>
        <translation>将全部有效证书保存为一个 PDF</translation>
    </message>
    <message>
        <source>Cancelled after {0} of {1}.</source>
        <translation>已在 {1} 张中的第 {0} 张后取消。</translation>
    </message>
    <message>
        <source>Printing certificates</source>
        <translation>正在输出证书</translation>
    </message>
</context>
<context>
    <name>QtCertificatesPage</name>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not in this register</source>
        <translation>不在本登记册中</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search by number, holder, credit code or product</source>
        <translation>按证书编号、持证人、信用代码或产品搜索</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>发证(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save a PDF &amp;copy…</source>
        <translation>保存 PDF 副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Prin&amp;t all valid…</source>
        <translation>打印全部有效证书(&amp;T)…</translation>
    </message>
    <message>
        <source>S&amp;uspend…</source>
        <translation>暂停(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Reinstate…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>撤销(&amp;W)…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel certificate…</source>
        <translation>注销证书(&amp;N)…</translation>
    </message>
    <message>
        <source>V&amp;erify…</source>
        <translation>验证(&amp;E)…</translation>
    </message>
    <message>
        <source>Export status &amp;list…</source>
        <translation>导出状态清单(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Body settings…</source>
        <translation>机构设置(&amp;B)…</translation>
    </message>
    <message>
        <source>Surveillance &amp;due…</source>
        <translation>监督到期(&amp;D)…</translation>
    </message>
    <message>
        <source>Renew or change sc&amp;ope…</source>
        <translation>再认证或变更范围(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Mark use…</source>
        <translation>标志使用(&amp;M)…</translation>
    </message>
    <message>
        <source>The marks this certificate&apos;s holder reported printing or applying, year by year; record the next report</source>
        <translation>该证书持证企业逐年报告的标志印制或使用数量；登记下一次报告</translation>
    </message>
    <message>
        <source>Save the report of one of this certificate&apos;s surveillance visits as a PDF</source>
        <translation>将本证书某次监督审核的报告保存为 PDF</translation>
    </message>
    <message>
        <source>E&amp;xport table…</source>
        <translation>导出表格(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the rows the table shows (status filter, search and order as they are) to an Excel workbook or a CSV file</source>
        <translation>按当前的状态筛选、搜索和排序，将表格所显示的行保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Replaces {0}</source>
        <translation>替代 {0}</translation>
    </message>
    <message>
        <source>Replaced by {0}</source>
        <translation>已被 {0} 替代</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>SUSPENDED</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>STATUS UNKNOWN</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>NOT GENUINE</source>
        <translation>非真实证书</translation>
    </message>
    <message>
        <source>Surveill&amp;ance report…</source>
        <translation>监督报告(&amp;A)…</translation>
    </message>
    <message>
        <source>Number: {0}</source>
        <translation>编号：{0}</translation>
    </message>
    <message>
        <source>Holder: {0} ({1})</source>
        <translation>持证人：{0}（{1}）</translation>
    </message>
    <message>
        <source>Product: {0}</source>
        <translation>产品：{0}</translation>
    </message>
    <message>
        <source>Valid until: {0}</source>
        <translation>有效期至：{0}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Assessment #{0} · due {1} · done {2}</source>
        <translation>评审 #{0} · 应于 {1} · 完成 {2}</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>监督报告</translation>
    </message>
    <message>
        <source>Which visit?</source>
        <translation>哪一次监督审核？</translation>
    </message>
    <message>
        <source>The body&apos;s passphrase (opens its signing key for this session):</source>
        <translation>机构口令（在本次会话中打开机构的签名密钥）：</translation>
    </message>
    <message>
        <source>Export status list</source>
        <translation>导出状态清单</translation>
    </message>
    <message>
        <source>Status lists (*.json)</source>
        <translation>状态清单 (*.json)</translation>
    </message>
</context>
<context>
    <name>QtChoiceEditor</name>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Conforms</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Minor NC</source>
        <translation>一般不符合</translation>
    </message>
    <message>
        <source>Major NC</source>
        <translation>严重不符合</translation>
    </message>
    <message>
        <source>{0} (shortcut: {1})</source>
        <translation>{0}（快捷键：{1}）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove this answer</source>
        <translation>清除此项作答</translation>
    </message>
</context>
<context>
    <name>QtConsultancyDialog</name>
    <message>
        <source>Record a consultancy</source>
        <translation>记录咨询关系</translation>
    </message>
    <message>
        <source>Counts until</source>
        <translation>有效至</translation>
    </message>
    <message>
        <source>What the consultancy was</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>End</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>QtDeadlinesPage</name>
    <message>
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Certification decision</source>
        <translation>认证决定</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Surveillance visit</source>
        <translation>监督审核</translation>
    </message>
    <message>
        <source>Application #{0}</source>
        <translation>申请 #{0}</translation>
    </message>
    <message>
        <source>Assessment #{0}</source>
        <translation>评审 #{0}</translation>
    </message>
    <message>
        <source>Finding #{0} ({1})</source>
        <translation>不符合项 #{0}（{1}）</translation>
    </message>
    <message>
        <source>Certificate {0}</source>
        <translation>证书 {0}</translation>
    </message>
    <message>
        <source>{0} (provisional)</source>
        <translation>{0}（暂定）</translation>
    </message>
    <message>
        <source>calendar does not cover the date</source>
        <translation>工作日历未覆盖该日期</translation>
    </message>
    <message>
        <source>overdue by {0} working days</source>
        <translation>已超期 {0} 个工作日</translation>
    </message>
    <message>
        <source>{0} working days left</source>
        <translation>剩余 {0} 个工作日</translation>
    </message>
    <message>
        <source>about {0}</source>
        <translation>约 {0}（暂定）</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>认证时限</translation>
    </message>
    <message>
        <source>Only overdue</source>
        <translation>仅显示已超期</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Due within</source>
        <translation>到期于</translation>
    </message>
    <message>
        <source>Working &amp;calendar…</source>
        <translation>工作日历(&amp;C)…</translation>
    </message>
    <message>
        <source>The body&apos;s closure days, and a later year&apos;s official schedule</source>
        <translation>本机构停业日，以及以后年份的官方放假调休安排</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Working days follow the mainland China calendar (public holidays and adjusted working weekends) with the body&apos;s own closure days (brandmark-cli calendar).</source>
        <translation>工作日按中国大陆日历计算（含法定节假日和调休上班日），并扣除本机构的停业日（brandmark-cli calendar）。</translation>
    </message>
    <message>
        <source>Today {0} · {1} open · {2} overdue</source>
        <translation>今天 {0} · 未结 {1} 项 · 已超期 {2} 项</translation>
    </message>
</context>
<context>
    <name>QtDecisionDialog</name>
    <message>
        <source>Certification decision</source>
        <translation>认证决定</translation>
    </message>
    <message>
        <source>Assessment #{0} · {1} · assessor {2}</source>
        <translation>评审 #{0} · {1} · 评审员 {2}</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予认证</translation>
    </message>
    <message>
        <source>Verdict: {0} · total {1:.1f}</source>
        <translation>结论：{0} · 总分 {1:.1f}</translation>
    </message>
    <message>
        <source>No reasons against granting.</source>
        <translation>没有不予批准的理由。</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Grant the certificate</source>
        <translation>批准认证，颁发证书</translation>
    </message>
    <message>
        <source>Grant after the corrective actions are verified</source>
        <translation>纠正措施验证有效后批准</translation>
    </message>
    <message>
        <source>The verdict does not allow this decision.</source>
        <translation>评分结论不允许作出此决定。</translation>
    </message>
    <message>
        <source>The assessment is incomplete: answer every required item first.</source>
        <translation>评审尚未完成：请先完成所有必答项。</translation>
    </message>
    <message>
        <source>Full name of the person deciding</source>
        <translation>决定人全名</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>记录决定</translation>
    </message>
    <message>
        <source>The assessment is incomplete; no decision is possible yet.</source>
        <translation>评审尚未完成，暂不能作出决定。</translation>
    </message>
    <message>
        <source>Enter the name of the person deciding.</source>
        <translation>请填写决定人姓名。</translation>
    </message>
    <message>
        <source>{0} carried out this assessment and cannot decide it. ISO/IEC 17065 (7.6) requires the decision to be made by a person who did not take part in the evaluation, so that the decision is impartial.</source>
        <translation>{0} 实施了本次评审，不能对其作出决定。ISO/IEC 17065（7.6）要求认证决定由未参与评价的人员作出，以确保决定的公正性。</translation>
    </message>
    <message>
        <source>Choose a decision.</source>
        <translation>请选择一项决定。</translation>
    </message>
</context>
<context>
    <name>QtDistributionDialog</name>
    <message>
        <source>Distribution of {0}</source>
        <translation>{0} 的分布</translation>
    </message>
    <message>
        <source>Plain number</source>
        <translation>确定值</translation>
    </message>
    <message>
        <source>Triangular (low, mode, high)</source>
        <translation>三角分布（最低、最可能、最高）</translation>
    </message>
    <message>
        <source>Uniform (low, high)</source>
        <translation>均匀分布（最低、最高）</translation>
    </message>
    <message>
        <source>Normal (mean, sd; optional min, max)</source>
        <translation>正态分布（均值、标准差；可选最小值、最大值）</translation>
    </message>
    <message>
        <source>Lognormal (mean, sd of the value; optional min, max)</source>
        <translation>对数正态分布（数值的均值、标准差；可选最小值、最大值）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>Most likely</source>
        <translation>最可能</translation>
    </message>
    <message>
        <source>High</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Minimum (optional)</source>
        <translation>最小值（可选）</translation>
    </message>
    <message>
        <source>Maximum (optional)</source>
        <translation>最大值（可选）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>分布类型</translation>
    </message>
    <message>
        <source>Give a value.</source>
        <translation>请填写数值。</translation>
    </message>
</context>
<context>
    <name>QtEarlierFindings</name>
    <message>
        <source>Earlier assessments of this certificate recorded no nonconformities.</source>
        <translation>本证书以往评审没有不符合项。</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description / corrective action</source>
        <translation>描述 / 纠正措施</translation>
    </message>
    <message>
        <source>E&amp;xport earlier nonconformities…</source>
        <translation>导出以往不符合项(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the earlier nonconformities this table lists, in its order, to an Excel workbook or a CSV file</source>
        <translation>将此表所列的以往不符合项按表中顺序保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>初次认证</translation>
    </message>
    <message>
        <source>surveillance</source>
        <translation>监督</translation>
    </message>
    <message>
        <source>recertification</source>
        <translation>再认证</translation>
    </message>
    <message>
        <source>scope change</source>
        <translation>范围变更</translation>
    </message>
    <message>
        <source>closed, verified</source>
        <translation>已验证关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>open, past its deadline</source>
        <translation>未关闭，已超过整改期限</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Earlier nonconformities to check again: {0} ({1} still open)</source>
        <translation>以往不符合项（需再次核查）：{0} 项（{1} 项未关闭）</translation>
    </message>
    <message>
        <source> · due {0}</source>
        <translation> · 期限 {0}</translation>
    </message>
    <message>
        <source>{0}: not answered again in this assessment</source>
        <translation>{0}：本次评审不再作答此项</translation>
    </message>
</context>
<context>
    <name>QtExchangeActions</name>
    <message>
        <source>&amp;Export for the register…</source>
        <translation>导出给登记簿(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Export for the register</source>
        <translation>导出给登记簿</translation>
    </message>
    <message>
        <source>Open an assessment, or select one in the assessments register, then export it for the register.</source>
        <translation>请先打开一项评审，或在评审列表中选中一项，再导出给登记簿。</translation>
    </message>
    <message>
        <source>Sign in as the assessment&apos;s assessor first: the bundle is signed with your key.</source>
        <translation>请先以该评审的评审员身份登录：交换包要用您的密钥签名。</translation>
    </message>
    <message>
        <source>Sign in to sign the bundle for the register.</source>
        <translation>登录后才能为登记簿签名交换包。</translation>
    </message>
    <message>
        <source>Exchange bundles (*.bmx)</source>
        <translation>交换包 (*.bmx)</translation>
    </message>
    <message>
        <source>Writing the evidence: {0:.1f} of {1:.1f} MB</source>
        <translation>正在写入证据：{0:.1f} / {1:.1f} MB</translation>
    </message>
    <message>
        <source>Exporting assessment {0}…</source>
        <translation>正在导出评审 {0}…</translation>
    </message>
    <message>
        <source>Exported assessment {0} to {1}: {2} answers, {3} evidence files</source>
        <translation>已将评审 {0} 导出到 {1}：{2} 个答案，{3} 个证据文件</translation>
    </message>
    <message>
        <source>Assign to assessor</source>
        <translation>分派给评审员</translation>
    </message>
    <message>
        <source>Select an assessment in the assessments register, then assign it.</source>
        <translation>请先在评审登记簿中选中一项评审，再分派。</translation>
    </message>
    <message>
        <source>Assessment {0} is assigned to {1}. Give them the file: their laptop imports it with File → Import….</source>
        <translation>评审 {0} 已分派给 {1}。请把该文件交给评审员：在其笔记本电脑上用“文件 → 导入…”导入。</translation>
    </message>
    <message>
        <source>The body&apos;s passphrase (opens its signing key for this session):</source>
        <translation>机构口令（在本次会话中打开机构的签名密钥）：</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>Importing {0} ({1} of {2})…</source>
        <translation>正在导入 {0}（第 {1} 个，共 {2} 个）…</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>Imported before: nothing changed</source>
        <translation>以前已导入：没有改动</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Imported: {0}</source>
        <translation>已导入：{0}</translation>
    </message>
    <message>
        <source>; {0} conflicts to settle</source>
        <translation>；{0} 项冲突待处理</translation>
    </message>
    <message>
        <source>Not imported: cancelled</source>
        <translation>未导入：已取消</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>已拒绝：{0}</translation>
    </message>
    <message>
        <source>Failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>assessments</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>self-assessments</source>
        <translation>企业自评</translation>
    </message>
    <message>
        <source>Reading the evidence: {0:.1f} of {1:.1f} MB</source>
        <translation>正在读取证据：{0:.1f} / {1:.1f} MB</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
</context>
<context>
    <name>QtExtraVisitDialog</name>
    <message>
        <source>Extra visit for {0}</source>
        <translation>为 {0} 加做监督</translation>
    </message>
    <message>
        <source>What happened (the complaint, the sampling)</source>
        <translation>发生了什么（投诉、抽样情况）</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>QtFileDialogs</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>{0} file</source>
        <translation>{0} 文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QtFindingForm</name>
    <message>
        <source>What was found, where, and the objective evidence</source>
        <translation>发现的问题、所在位置及客观证据</translation>
    </message>
    <message>
        <source>The applicant&apos;s correction and corrective action</source>
        <translation>申请企业的纠正及纠正措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Corrective action due</source>
        <translation>纠正措施期限</translation>
    </message>
    <message>
        <source>Save finding</source>
        <translation>保存不符合项</translation>
    </message>
    <message>
        <source>Verify corrective action and close…</source>
        <translation>验证纠正措施并关闭…</translation>
    </message>
    <message>
        <source>Record what you checked and the evidence you saw: the corrective action is effective. Write the corrective action first.</source>
        <translation>记录您验证了什么以及看到的证据，确认纠正措施有效。请先填写纠正措施。</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Nonconformity #{0} ({1}) closed by {2} on {3}: {4}
    checked: {5}; evidence: {6}</source>
        <translation>不符合项 #{0}（{1}）由 {2} 于 {3} 关闭：{4}
    验证内容：{5}；验证证据：{6}</translation>
    </message>
    <message>
        <source>Nobody is signed in: sign in to verify a corrective action.</source>
        <translation>尚无人登录：请登录后再验证纠正措施。</translation>
    </message>
    <message>
        <source>Nonconformity #{0}: {1}</source>
        <translation>不符合项 #{0}：{1}</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>一般不符合</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重不符合</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Write the corrective action before verifying it.</source>
        <translation>请先填写纠正措施再进行验证。</translation>
    </message>
</context>
<context>
    <name>QtFindingVerificationDialog</name>
    <message>
        <source>Verify nonconformity #{0}</source>
        <translation>验证不符合项 #{0}</translation>
    </message>
    <message>
        <source>Corrective action: {0}</source>
        <translation>纠正措施：{0}</translation>
    </message>
    <message>
        <source>What you checked, where, and how (records, the site, a re-test…)</source>
        <translation>验证了什么、在哪里、如何验证（记录、现场、复检…）</translation>
    </message>
    <message>
        <source>The evidence you saw (document numbers, photos, records)</source>
        <translation>所见证据（文件编号、照片、记录）</translation>
    </message>
    <message>
        <source>The person signed in verifies and signs; sign in as someone else to verify in their name.</source>
        <translation>由当前登录人验证并签名；如需以他人名义验证，请由其本人登录。</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>验证内容</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>验证人</translation>
    </message>
    <message>
        <source>Close as verified</source>
        <translation>验证通过并关闭</translation>
    </message>
</context>
<context>
    <name>QtGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation: {0}</source>
        <translation>此安装中缺少使用指南：{0}</translation>
    </message>
</context>
<context>
    <name>QtHistogramChart</name>
    <message>
        <source>Run an estimate to see its range.</source>
        <translation>运行估算后即可看到取值范围。</translation>
    </message>
</context>
<context>
    <name>QtImportDialog</name>
    <message>
        <source>No file chosen yet</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>First rows and the columns found</source>
        <translation>前几行及识别出的列</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;All or nothing: import nothing while any row has a problem</source>
        <translation>全部或不导入：只要有一行有问题，就一行也不导入(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Skip the rows with problems (they are saved with their reasons beside the file)</source>
        <translation>跳过有问题的行（这些行及其原因另存在原文件旁）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import applicants</source>
        <translation>导入申请企业</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入产品</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>电子表格 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Checking {0}</source>
        <translation>正在检查 {0}</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>The file cannot be imported as it is:</source>
        <translation>该文件无法按现状导入：</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>读取 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n with problems</source>
        <translation>
            <numerusform>；其中 %n 行有问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n can be imported.</source>
        <translation>
            <numerusform>；%n 行可导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read, no problems: all can be imported.</source>
        <translation>
            <numerusform>读取 %n 行，没有问题，全部可以导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Columns found: {0}</source>
        <translation>识别出的列：{0}</translation>
    </message>
    <message>
        <source>Not imported (unknown columns): {0}</source>
        <translation>未知列，不导入：{0}</translation>
    </message>
    <message>
        <source>Text encoding: {0}</source>
        <translation>文本编码：{0}</translation>
    </message>
    <message>
        <source>Importing {0}</source>
        <translation>正在导入 {0}</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has problems now.</source>
        <translation>未导入任何内容：文件现在有问题。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s)</source>
        <translation>
            <numerusform>已导入 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; skipped %n.</source>
        <translation>
            <numerusform>；跳过 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>The skipped rows and their reasons: {0}</source>
        <translation>跳过的行及其原因：{0}</translation>
    </message>
</context>
<context>
    <name>QtImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评价项</translation>
    </message>
    <message>
        <source>The register&apos;s answer</source>
        <translation>登记簿的答案</translation>
    </message>
    <message>
        <source>The assessor&apos;s answer</source>
        <translation>评审员的答案</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Open the assessment</source>
        <translation>打开该评审</translation>
    </message>
    <message>
        <source>Show the self-assessment…</source>
        <translation>查看企业自评…</translation>
    </message>
    <message>
        <source>This bundle was imported before: nothing changed in the register.</source>
        <translation>此交换包以前已导入：登记簿没有任何变化。</translation>
    </message>
    <message>
        <source>The assignment was imported as assessment {0}: it is ready for the walk-through.</source>
        <translation>任务已导入为评审 {0}，可以开始逐项评审。</translation>
    </message>
    <message>
        <source>The self-assessment was attached to {0}. It is self-declared: it never becomes answers of a certification assessment.</source>
        <translation>企业自评已附在 {0} 名下。它是企业自我声明，永远不会成为认证评审的答案。</translation>
    </message>
    <message>
        <source>The assessor&apos;s work was imported into assessment {0}.</source>
        <translation>评审员的工作已导入评审 {0}。</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Self-assessments</source>
        <translation>企业自评</translation>
    </message>
    <message>
        <source>Keep the register&apos;s</source>
        <translation>保留登记簿的</translation>
    </message>
    <message>
        <source>Take the assessor&apos;s</source>
        <translation>采用评审员的</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>{0} of {1} items were changed both here and by the assessor since the assignment. Nothing was merged: choose for each which answer stands. Each choice is logged.</source>
        <translation>自派发任务以来，{1} 个评价项中有 {0} 个在本登记簿和评审员处都被修改过。系统没有合并：请逐项选择以哪个答案为准，每次选择都会记入日志。</translation>
    </message>
    <message>
        <source>Every conflict is settled.</source>
        <translation>所有冲突均已处理。</translation>
    </message>
    <message>
        <source>Settle a conflict</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>Sign in first: the choice is logged with your name.</source>
        <translation>请先登录：您的选择会以您的姓名记入日志。</translation>
    </message>
    <message>
        <source>Kept the register&apos;s answer ({0})</source>
        <translation>已保留登记簿的答案（{0}）</translation>
    </message>
    <message>
        <source>Took the assessor&apos;s answer ({0})</source>
        <translation>已采用评审员的答案（{0}）</translation>
    </message>
</context>
<context>
    <name>QtIssueDialog</name>
    <message>
        <source>Issue a certificate</source>
        <translation>颁发证书</translation>
    </message>
    <message>
        <source>No decided assessment is waiting for a certificate.</source>
        <translation>没有等待发证的已决定评审。</translation>
    </message>
    <message>
        <source>Default: the person who decided</source>
        <translation>默认：认证决定人</translation>
    </message>
    <message>
        <source>Opens the body&apos;s signing key for this session</source>
        <translation>在本次会话中打开机构的签名密钥</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Body&apos;s passphrase</source>
        <translation>机构口令</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发证</translation>
    </message>
    <message>
        <source>Decided certification assessments without a certificate:</source>
        <translation>已作出决定但尚未发证的认证评审：</translation>
    </message>
    <message>
        <source>Choose an assessment first.</source>
        <translation>请先选择一项评审。</translation>
    </message>
</context>
<context>
    <name>QtItemForm</name>
    <message>
        <source>Guidance for the assessor</source>
        <translation>评审指引</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>作答</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Assessor&apos;s note</source>
        <translation>评审员记录</translation>
    </message>
    <message>
        <source>Observations, sample numbers, people interviewed…</source>
        <translation>观察结果、样品编号、访谈人员…</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Attach evidence files (Ctrl+Shift+E), or drop files on this form. Each file is stored with its SHA-256.</source>
        <translation>添加证据文件（Ctrl+Shift+E），或将文件拖放到此表单。每个文件均连同其 SHA-256 一并保存。</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>或将文件拖放到此处</translation>
    </message>
    <message>
        <source>veto item</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>conformity item</source>
        <translation>符合性评价项</translation>
    </message>
    <message>
        <source>points item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>test item</source>
        <translation>检验项</translation>
    </message>
    <message>
        <source>clause {0}</source>
        <translation>条款 {0}</translation>
    </message>
    <message>
        <source>weight {0:g}</source>
        <translation>权重 {0:g}</translation>
    </message>
    <message>
        <source>target level {0}</source>
        <translation>目标等级 {0}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必答</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选答</translation>
    </message>
    <message>
        <source>Typical evidence: {0}</source>
        <translation>典型证据：{0}</translation>
    </message>
    <message>
        <source>Keys answer {0} {1}</source>
        <translation>按键作答：{0} {1}</translation>
    </message>
    <message>
        <source>Click an answer or press Enter in the item list; answer keys act only here</source>
        <translation>点击答案，或在条目列表中按回车；答题快捷键只在此处有效</translation>
    </message>
    <message>
        <source>{0} {1}: {2} → {3}</source>
        <translation>{0} {1}：{2} → {3}</translation>
    </message>
    <message>
        <source>(retest after a failed result)</source>
        <translation>（不合格后的复检）</translation>
    </message>
    <message>
        <source>(corrected while typing)</source>
        <translation>（输入中更正）</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>conforms</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>minor NC</source>
        <translation>一般不符合</translation>
    </message>
    <message>
        <source>major NC</source>
        <translation>严重不符合</translation>
    </message>
    <message>
        <source>{0} · SHA-256 {1}… · {2} · {3}</source>
        <translation>{0} · SHA-256 {1}… · {2} · {3}</translation>
    </message>
    <message>
        <source>Attach evidence to {0}</source>
        <translation>为 {0} 添加证据</translation>
    </message>
    <message>
        <source>{0} file(s) attached.</source>
        <translation>已添加 {0} 个文件。</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <source>Applicants</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Brand value</source>
        <translation>品牌价值</translation>
    </message>
    <message>
        <source>Schemes</source>
        <translation>认证方案</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>认证时限</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请与受理</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>brandmark — 品字标 certification</source>
        <translation>brandmark — 品字标认证评审</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation>已加载演示数据</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Load the &amp;demo data</source>
        <translation>加载演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove the demo data…</source>
        <translation>删除演示数据(&amp;R)…</translation>
    </message>
    <message>
        <source>Import a&amp;pplicants…</source>
        <translation>导入申请企业(&amp;P)…</translation>
    </message>
    <message>
        <source>Import produc&amp;ts…</source>
        <translation>导入产品(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Lock after idle time…</source>
        <translation>空闲锁定时间(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source> (and {0} more)</source>
        <translation>（另有 {0} 处）</translation>
    </message>
    <message>
        <source>This register is damaged and was opened read-only: you can look at everything, but nothing can be saved. Restore a backup with {0} (the backups are in the data folder&apos;s backups folder). The check found: {1}</source>
        <translation>此登记簿已损坏，已以只读方式打开：可以查看全部内容，但不能保存任何更改。请用 {0} 从备份恢复（备份在数据文件夹的 backups 文件夹中）。检查发现：{1}</translation>
    </message>
    <message>
        <source>Remove the demo data</source>
        <translation>删除演示数据</translation>
    </message>
    <message>
        <source>Delete every demo record (names starting with 【演示】, the two demo people and certificates under body code DEMO)? Real records are not touched; the event log keeps a record of the removal.</source>
        <translation>删除全部演示记录（名称以【演示】开头的企业、两位演示人员和机构代码为 DEMO 的证书）？真实记录不受影响；事件日志会记下这次删除。</translation>
    </message>
    <message>
        <source>Demo data removed: {0} applicants, {1} assessments, {2} certificates</source>
        <translation>演示数据已删除：{0} 家企业、{1} 项评审、{2} 张证书</translation>
    </message>
    <message>
        <source>Working: {0}</source>
        <translation>当前操作人：{0}</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>The session locked after {0} minutes without input. Sign in again to go on.</source>
        <translation>已 {0} 分钟无操作，会话已锁定。请重新登录后继续。</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>空闲锁定时间</translation>
    </message>
    <message>
        <source>Lock the session after this many minutes without input:</source>
        <translation>无操作多少分钟后锁定会话：</translation>
    </message>
    <message>
        <source>none yet (brandmark-cli keys init makes it)</source>
        <translation>尚无（用 brandmark-cli keys init 生成）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About brandmark</source>
        <translation>关于 brandmark(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <source>The register&apos;s records were changed outside brandmark: {0}. Run “brandmark-cli db verify” for details, and restore a backup if nobody here made this change.</source>
        <translation>登记册的记录在 brandmark 之外被改动：{0}。详情请运行“brandmark-cli db verify”；如果不是本机构人员所为，请从备份恢复。</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>评审(&amp;A)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes the next time brandmark starts. Restart now?</source>
        <translation>界面语言将在下次启动 brandmark 时生效。现在重新启动吗？</translation>
    </message>
    <message>
        <source>&lt;p&gt;Database: {0}&lt;br&gt;Data folder: {1}&lt;br&gt;Signing key id: {2}&lt;/p&gt;</source>
        <translation>&lt;p&gt;数据库：{0}&lt;br&gt;数据文件夹：{1}&lt;br&gt;签名密钥编号：{2}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About brandmark</source>
        <translation>关于 brandmark</translation>
    </message>
    <message>
        <source>&lt;b&gt;brandmark {0}&lt;/b&gt;&lt;p&gt;Assessment, scoring, certificates and brand-value estimates for the Zhejiang 品字标 brand (standard plus certification).&lt;/p&gt;&lt;p&gt;The reference scheme packs are brandmark&apos;s own modelling, not official text.&lt;/p&gt;&lt;p&gt;Fonts: LXGW WenKai (OFL), Droid Sans Fallback (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;b&gt;brandmark {0}&lt;/b&gt;&lt;p&gt;浙江“品字标”（标准+认证）品牌的评审、评分、证书与品牌价值估算工具。&lt;/p&gt;&lt;p&gt;内置的参考评价包由 brandmark 自行建模，并非官方文本。&lt;/p&gt;&lt;p&gt;字体：霞鹜文楷 LXGW WenKai（OFL）、Droid Sans Fallback（Apache-2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>QtMarkUseDialog</name>
    <message>
        <source>Mark use: {0}</source>
        <translation>标志使用：{0}</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Used on</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标志数量</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Mark use recorded</source>
        <translation>已登记的标志使用</translation>
    </message>
    <message>
        <source>&amp;Replace the record of that year and use</source>
        <translation>替换该年份该用途的记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Used &amp;on</source>
        <translation>用途(&amp;O)</translation>
    </message>
    <message>
        <source>Marks printed or applie&amp;d</source>
        <translation>印制或使用的标志数量(&amp;D)</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>Recorded &amp;by</source>
        <translation>登记人(&amp;B)</translation>
    </message>
    <message>
        <source>Re&amp;cord</source>
        <translation>登记(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the mark use this table lists to an Excel workbook or a CSV file</source>
        <translation>将此表所列的标志使用保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>What the holder reported: the marks it printed or applied in the year, on each use. A year the certificate was not in force on any day (suspended, withdrawn, cancelled or expired the whole year) is refused.</source>
        <translation>持证企业报告的内容：该年度在各用途上印制或使用的标志数量。证书全年没有一天有效（全年暂停、撤销、注销或过期）的年份不予登记。</translation>
    </message>
    <message>
        <source>Mark use</source>
        <translation>标志使用</translation>
    </message>
</context>
<context>
    <name>QtNewApplicationDialog</name>
    <message>
        <source>New application</source>
        <translation>新建申请</translation>
    </message>
    <message>
        <source>(choose the scheme)</source>
        <translation>（请选择认证方案）</translation>
    </message>
    <message>
        <source>e.g. electric kettle</source>
        <translation>如：电水壶</translation>
    </message>
    <message>
        <source>e.g. SK-1701, SK-1702</source>
        <translation>如：SK-1701、SK-1702</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>申请企业(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Scheme pack</source>
        <translation>认证方案(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>产品(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>型号(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;tandard number</source>
        <translation>标准编号(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Factory address</source>
        <translation>生产地址(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Record application</source>
        <translation>登记申请(&amp;R)</translation>
    </message>
    <message>
        <source>Received today ({0}); its materials are then received one by one.</source>
        <translation>今天（{0}）收到；所需资料随后逐项登记。</translation>
    </message>
    <message>
        <source>Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY.</source>
        <translation>选填：“浙江制造”团体标准编号，格式 T/ZZB NNNN—YYYY。</translation>
    </message>
    <message>
        <source>Standard: {0}</source>
        <translation>标准：{0}</translation>
    </message>
    <message>
        <source>Choose the applicant first.</source>
        <translation>请先选择申请企业。</translation>
    </message>
    <message>
        <source>Choose the scheme first.</source>
        <translation>请先选择认证方案。</translation>
    </message>
</context>
<context>
    <name>QtNewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>新建评审</translation>
    </message>
    <message>
        <source>(choose the scheme)</source>
        <translation>（请选择认证方案）</translation>
    </message>
    <message>
        <source>[reference pack]</source>
        <translation>[参考评价包]</translation>
    </message>
    <message>
        <source>Who carries out the assessment</source>
        <translation>实施评审的人员</translation>
    </message>
    <message>
        <source>e.g. electric kettle (optional for a self-assessment)</source>
        <translation>如：电水壶（企业自评可不填）</translation>
    </message>
    <message>
        <source>e.g. SK-1701, SK-1702</source>
        <translation>如：SK-1701、SK-1702</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>申请企业(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Scheme pack</source>
        <translation>认证方案(&amp;S)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>评审类型</translation>
    </message>
    <message>
        <source>&amp;Certification, from an accepted application</source>
        <translation>认证评审，从已受理的申请开始(&amp;C)</translation>
    </message>
    <message>
        <source>Se&amp;lf-assessment (by the enterprise)</source>
        <translation>企业自评(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>新建申请(&amp;N)…</translation>
    </message>
    <message>
        <source>Record an application, receive its materials and accept it</source>
        <translation>登记申请、收齐所需资料并受理</translation>
    </message>
    <message>
        <source>Accepted appl&amp;ication</source>
        <translation>已受理的申请(&amp;I)</translation>
    </message>
    <message>
        <source>Ass&amp;essor</source>
        <translation>评审员(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>产品(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>型号(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;tandard number</source>
        <translation>标准编号(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start assessment</source>
        <translation>开始评审(&amp;S)</translation>
    </message>
    <message>
        <source>#{0} {1} · {2} · {3} · accepted {4}</source>
        <translation>#{0} {1} · {2} · {3} · {4} 受理</translation>
    </message>
    <message>
        <source>(no product named)</source>
        <translation>（未注明产品）</translation>
    </message>
    <message>
        <source>The applicant, scheme and product are the application&apos;s.</source>
        <translation>申请企业、认证方案和产品均取自该申请。</translation>
    </message>
    <message>
        <source>(no accepted application waits for an assessment)</source>
        <translation>（没有待评审的已受理申请）</translation>
    </message>
    <message>
        <source>A certification assessment starts from an accepted application: record one with “New application…”, receive its materials and accept it.</source>
        <translation>认证评审须从已受理的申请开始：请用“新建申请…”登记申请，收齐所需资料并受理。</translation>
    </message>
    <message>
        <source>Choose an accepted application first, or record one with “New application…”.</source>
        <translation>请先选择一份已受理的申请，或用“新建申请…”登记一份。</translation>
    </message>
    <message>
        <source>Proposed for the applicant&apos;s industry ({0}).</source>
        <translation>按申请企业的行业（{0}）推荐。</translation>
    </message>
    <message>
        <source>No scheme lists the industry {0}: choose one.</source>
        <translation>没有方案列有行业“{0}”，请选择。</translation>
    </message>
    <message>
        <source>The applicant has no industry recorded: choose the scheme.</source>
        <translation>申请企业未登记行业，请选择认证方案。</translation>
    </message>
    <message>
        <source>Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY.</source>
        <translation>选填：“浙江制造”团体标准编号，格式 T/ZZB NNNN—YYYY。</translation>
    </message>
    <message>
        <source>Standard: {0}</source>
        <translation>标准：{0}</translation>
    </message>
    <message>
        <source>Choose the applicant first.</source>
        <translation>请先选择申请企业。</translation>
    </message>
    <message>
        <source>Choose the scheme first.</source>
        <translation>请先选择认证方案。</translation>
    </message>
    <message>
        <source>No scheme pack is installed; import one on the Schemes page.</source>
        <translation>尚未安装认证方案，请在“认证方案”页面导入。</translation>
    </message>
</context>
<context>
    <name>QtPlaceholderPage</name>
    <message>
        <source>This page is not available yet.</source>
        <translation>此页面尚不可用。</translation>
    </message>
</context>
<context>
    <name>QtPointsEditor</name>
    <message>
        <source>Level {0}: {1} (shortcut: {0})</source>
        <translation>等级 {0}：{1}（快捷键：{0}）</translation>
    </message>
    <message>
        <source>Level {0}</source>
        <translation>等级 {0}</translation>
    </message>
    <message>
        <source>(target)</source>
        <translation>（目标）</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not applicable (shortcut: N)</source>
        <translation>不适用（快捷键：N）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove this answer</source>
        <translation>清除此项作答</translation>
    </message>
</context>
<context>
    <name>QtQuantityField</name>
    <message>
        <source>Give a distribution instead of a single number</source>
        <translation>用概率分布代替单一数值</translation>
    </message>
</context>
<context>
    <name>QtRadarChart</name>
    <message>
        <source>The radar needs three scored sections.</source>
        <translation>雷达图至少需要三个计分部分。</translation>
    </message>
</context>
<context>
    <name>QtRegisterColumns</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Demo data: not a real enterprise</source>
        <translation>演示数据：并非真实企业</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>认证评审</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>企业自评</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请受理</translation>
    </message>
    <message>
        <source>Product testing</source>
        <translation>产品检验</translation>
    </message>
    <message>
        <source>Factory audit</source>
        <translation>工厂审核</translation>
    </message>
    <message>
        <source>Characteristics</source>
        <translation>四大特征</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>批准认证</translation>
    </message>
    <message>
        <source>Grant after corrective action</source>
        <translation>整改后批准</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予认证</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>批准认证</translation>
    </message>
    <message>
        <source>Conditional grant</source>
        <translation>整改后批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予认证</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>认证方案</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next surveillance</source>
        <translation>下次监督</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评审员</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>评分结论</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>认证决定</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>QtRegisterExporter</name>
    <message>
        <source>Applicants</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Brand-value estimates</source>
        <translation>品牌价值估算</translation>
    </message>
    <message>
        <source>Mark use</source>
        <translation>标志使用</translation>
    </message>
    <message>
        <source>Export the table: {0}</source>
        <translation>导出表格：{0}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), as the table shows them (search, filter and order).</source>
        <translation>
            <numerusform>共 %n 行，与表格所显示的一致（搜索、筛选和排序）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting {0}</source>
        <translation>正在导出{0}</translation>
    </message>
</context>
<context>
    <name>QtRegisterView</name>
    <message numerus="yes">
        <source>%n match(es) for “{0}”</source>
        <translation>
            <numerusform>与“{0}”匹配 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtRenewDialog</name>
    <message>
        <source>Change certificate {0}</source>
        <translation>变更证书 {0}</translation>
    </message>
    <message>
        <source>Recertification before expiry (a full assessment)</source>
        <translation>到期前再认证（完整评审）</translation>
    </message>
    <message>
        <source>Scope extension: new models (their test items are assessed)</source>
        <translation>扩大范围：新增型号（评审其检验项目）</translation>
    </message>
    <message>
        <source>Scope reduction: fewer models (reissued at once)</source>
        <translation>缩小范围：减少型号（立即换发）</translation>
    </message>
    <message>
        <source>Reissue after a change of the holder&apos;s data (reissued at once)</source>
        <translation>持证人信息变更后换发（立即换发）</translation>
    </message>
    <message>
        <source>When the old certificate expires ({0})</source>
        <translation>原证书到期时（{0}）</translation>
    </message>
    <message>
        <source>At once (the old one is cancelled as superseded)</source>
        <translation>立即（原证书因被取代而注销）</translation>
    </message>
    <message>
        <source>Every model the new certificate names, comma-separated</source>
        <translation>新证书列明的全部型号，用逗号分隔</translation>
    </message>
    <message>
        <source>The models it keeps, comma-separated</source>
        <translation>保留的型号，用逗号分隔</translation>
    </message>
    <message>
        <source>What changed (kept in the register)</source>
        <translation>变更内容（记入登记簿）</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评审员</translation>
    </message>
    <message>
        <source>New certificate takes over</source>
        <translation>新证书接替时间</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Models kept</source>
        <translation>保留型号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Opens the body&apos;s signing key for this session</source>
        <translation>在本次会话中打开机构签名密钥</translation>
    </message>
    <message>
        <source>{0} — {1}, models: {2}; valid until {3}</source>
        <translation>{0} — {1}，型号：{2}；有效期至 {3}</translation>
    </message>
    <message>
        <source>Body&apos;s passphrase</source>
        <translation>机构口令</translation>
    </message>
    <message>
        <source>Assessment #{0} started. Open its walk-through now?</source>
        <translation>已开始评审 #{0}。现在打开逐项评审吗？</translation>
    </message>
</context>
<context>
    <name>QtReportExporter</name>
    <message>
        <source>Assessment report</source>
        <translation>评审报告</translation>
    </message>
    <message>
        <source>Surveillance report</source>
        <translation>监督报告</translation>
    </message>
    <message>
        <source>Gap list</source>
        <translation>差距清单</translation>
    </message>
    <message>
        <source>Self-assessment report</source>
        <translation>自评报告</translation>
    </message>
    <message>
        <source>Export report: {0}</source>
        <translation>导出报告：{0}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>正在生成报告</translation>
    </message>
</context>
<context>
    <name>QtRestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups of {0}, newest first. Only a backup that checks out (integrity and schema version) can be restored.</source>
        <translation>{0} 的备份，最新的在前。只有检查通过（完整性和结构版本）的备份才能恢复。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Kept as</source>
        <translation>保留类别</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) in {0}</source>
        <translation>
            <numerusform>{0} 中有 %n 份备份</numerusform>
        </translation>
    </message>
    <message>
        <source>No backups yet in {0}.</source>
        <translation>{0} 中尚无备份。</translation>
    </message>
    <message>
        <source>checks out (schema {0})</source>
        <translation>检查通过（结构版本 {0}）</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>made by a newer brandmark (schema {0})</source>
        <translation>由新版 brandmark 生成（结构版本 {0}）</translation>
    </message>
    <message>
        <source>not a brandmark register</source>
        <translation>不是 brandmark 登记簿</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <source>brandmark backups (*.db);;All files (*)</source>
        <translation>brandmark 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} cannot be restored: {1}.</source>
        <translation>{0} 不能恢复：{1}。</translation>
    </message>
</context>
<context>
    <name>QtSaved</name>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) saved in {0}</source>
        <translation>
            <numerusform>%n 个文件已保存在 {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>QtSchemesPage</name>
    <message>
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评价项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Levels / limit</source>
        <translation>等级 / 限值</translation>
    </message>
    <message>
        <source>&amp;Import pack…</source>
        <translation>导入评价包(&amp;I)…</translation>
    </message>
    <message>
        <source>Va&amp;lidate file…</source>
        <translation>校验文件(&amp;L)…</translation>
    </message>
    <message>
        <source>Scheme packs</source>
        <translation>认证方案（评价包）</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考包</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>older version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>A reference pack written by brandmark, not official text</source>
        <translation>由 brandmark 编写的参考包，并非官方文本</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Conformity</source>
        <translation>符合性</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项</translation>
    </message>
    <message>
        <source>levels 0–{0}</source>
        <translation>等级 0–{0}</translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation>目标 {0}</translation>
    </message>
    <message>
        <source>rounded value</source>
        <translation>修约值比较法</translation>
    </message>
    <message>
        <source>full value</source>
        <translation>全数值比较法</translation>
    </message>
    <message>
        <source>National limit: {0}</source>
        <translation>国家标准限值：{0}</translation>
    </message>
    <message>
        <source>Test method: {0}</source>
        <translation>检验方法：{0}</translation>
    </message>
    <message>
        <source>Samples: {0}</source>
        <translation>样品数：{0}</translation>
    </message>
    <message>
        <source>pass / fail / not applicable</source>
        <translation>通过 / 不通过 / 不适用</translation>
    </message>
    <message>
        <source>conform / minor NC / major NC / not applicable</source>
        <translation>符合 / 一般不符合 / 严重不符合 / 不适用</translation>
    </message>
    <message>
        <source>reference pack</source>
        <translation>参考评价包</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Import scheme pack</source>
        <translation>导入评价包</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>拒绝导入</translation>
    </message>
    <message>
        <source>{0} was not imported. Problems:</source>
        <translation>{0} 未导入。存在以下问题：</translation>
    </message>
    <message>
        <source>Validate scheme pack</source>
        <translation>校验评价包</translation>
    </message>
    <message>
        <source>Pack has problems</source>
        <translation>评价包有问题</translation>
    </message>
    <message>
        <source>{0} has these problems:</source>
        <translation>{0} 存在以下问题：</translation>
    </message>
    <message>
        <source>Pack is valid</source>
        <translation>评价包有效</translation>
    </message>
    <message>
        <source>{0}: {1} {2}, {3} sections, {4} items.
Content hash {5}</source>
        <translation>{0}：{1} {2}，共 {3} 个部分、{4} 个评价项。
内容哈希 {5}</translation>
    </message>
</context>
<context>
    <name>QtScorePanel</name>
    <message>
        <source>Reasons (click to go to the item)</source>
        <translation>理由（点击可跳转到评价项）</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>批准认证</translation>
    </message>
    <message>
        <source>Grant after corrective action</source>
        <translation>整改后批准</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予认证</translation>
    </message>
    <message>
        <source>Veto item failed: {0}</source>
        <translation>否决项不通过：{0}</translation>
    </message>
    <message>
        <source>Major nonconformity: {0}</source>
        <translation>严重不符合：{0}</translation>
    </message>
    <message>
        <source>Minor nonconformity awaiting verified corrective action: {0}</source>
        <translation>一般不符合，纠正措施待验证：{0}</translation>
    </message>
    <message>
        <source>Test failed: {0} ({1} {2} against {3})</source>
        <translation>检验不合格：{0}（{1} {2}，限值 {3}）</translation>
    </message>
    <message>
        <source>Required item unanswered: {0}</source>
        <translation>必答项未作答：{0}</translation>
    </message>
    <message>
        <source>Total {0:.2f} is below the pass score {1:g}</source>
        <translation>总分 {0:.2f} 低于合格分 {1:g}</translation>
    </message>
    <message>
        <source>{0} minor nonconformities exceed the limit of {1}</source>
        <translation>一般不符合 {0} 项，超过上限 {1} 项</translation>
    </message>
    <message>
        <source>Readiness {0:.0f} %</source>
        <translation>准备度 {0:.0f} %</translation>
    </message>
    <message>
        <source>If certified now: {0}</source>
        <translation>若现在认证：{0}</translation>
    </message>
    <message>
        <source>Verdict preview: {0}</source>
        <translation>结论预览：{0}</translation>
    </message>
    <message>
        <source>Total {0:.1f} / 100 (pass score {1:g}) · answered {2} of {3}</source>
        <translation>总分 {0:.1f} / 100（合格分 {1:g}）· 已作答 {2}/{3}</translation>
    </message>
    <message>
        <source>Nonconformities: major {0} · minor {1} · awaiting corrective action {2}</source>
        <translation>不符合项：严重 {0} · 一般 {1} · 纠正措施待验证 {2}</translation>
    </message>
    <message>
        <source>{0} required item(s) unanswered, first: {1}</source>
        <translation>{0} 个必答项未作答，第一项：{1}</translation>
    </message>
    <message>
        <source>No reasons against granting.</source>
        <translation>没有不予批准的理由。</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} of {2:.1f}, {3} of {4} items answered</source>
        <translation>{0}：{1:.1f} / {2:.1f}，已作答 {3}/{4} 项</translation>
    </message>
</context>
<context>
    <name>QtSelfAssessmentsDialog</name>
    <message>
        <source>Self-assessments of {0}</source>
        <translation>{0} 的企业自评</translation>
    </message>
    <message>
        <source>Self-declared by the enterprise: shown for the application&apos;s review, never answers of a certification assessment.</source>
        <translation>由企业自我声明：仅供申请评审参考，永远不作为认证评审的答案。</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>认证方案</translation>
    </message>
    <message>
        <source>Declared by</source>
        <translation>声明人</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>准备度</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Gap list: items below their target, largest first</source>
        <translation>差距清单：未达目标的评价项，差距最大的在前</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评价项</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Evidence files sent with it (checked by their SHA-256)</source>
        <translation>随自评一同发送的证据文件（已按 SHA-256 核对）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>保存副本(&amp;S)…</translation>
    </message>
    <message>
        <source>This applicant has sent no self-assessment.</source>
        <translation>该企业尚未提交企业自评。</translation>
    </message>
    <message>
        <source>No evidence files were sent with it.</source>
        <translation>未随自评发送证据文件。</translation>
    </message>
    <message>
        <source>Readiness {0:.0f} % ({1} answers), declared by {2}.</source>
        <translation>准备度 {0:.0f} %（{1} 个答案），声明人：{2}。</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>No gaps: every item meets its target.</source>
        <translation>没有差距：每个评价项都达到目标。</translation>
    </message>
    <message>
        <source>Save a copy of the evidence file</source>
        <translation>保存证据文件的副本</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>QtSignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Choose who you are and enter your passphrase. What you decide, verify or authorise is signed with your key.</source>
        <translation>请选择您本人并输入口令。您作出的决定、验证和授权都将以您的密钥签署。</translation>
    </message>
    <message>
        <source>assessor</source>
        <translation>评审员</translation>
    </message>
    <message>
        <source>decider</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>authoriser</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nobody is registered yet. Register the body&apos;s people with brandmark-cli people add; until then only self-assessments can be recorded.</source>
        <translation>尚未登记任何人员。请用 brandmark-cli people add 登记本机构人员；在此之前只能记录企业自我评价。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Continue without signing in</source>
        <translation>不登录继续</translation>
    </message>
    <message>
        <source>Choose who you are.</source>
        <translation>请选择您本人。</translation>
    </message>
</context>
<context>
    <name>QtStatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Sche&amp;me</source>
        <translation>方案(&amp;M)</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>By scheme</source>
        <translation>按方案</translation>
    </message>
    <message>
        <source>Pass-rate trend</source>
        <translation>通过率趋势</translation>
    </message>
    <message>
        <source>Top nonconformities</source>
        <translation>主要不符合项</translation>
    </message>
    <message>
        <source>Failed product tests</source>
        <translation>产品检验不合格</translation>
    </message>
    <message>
        <source>Brand development index</source>
        <translation>品牌发展指数</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Save chart as P&amp;NG…</source>
        <translation>图表存为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Save table as &amp;workbook…</source>
        <translation>表格存为工作簿(&amp;W)…</translation>
    </message>
    <message>
        <source>Counting the figures</source>
        <translation>正在统计各项数字</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{0}: table</source>
        <translation>{0}：表格</translation>
    </message>
    <message>
        <source>{0}: chart</source>
        <translation>{0}：图表</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>全部方案</translation>
    </message>
    <message>
        <source>No region</source>
        <translation>未填地区</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
    <message>
        <source>{0} applicants · {1} assessments · {2} certificates · pass rate {3} ({4} of {5} decided) · median {6} days from application to decision · surveillance: {7} due, {8} overdue</source>
        <translation>申请企业 {0} 家 · 评价 {1} 个 · 证书 {2} 张 · 通过率 {3}（已决定 {5} 个，准予 {4} 个）· 申请至决定天数中位数 {6} 天 · 监督：待监督 {7} 次，逾期 {8} 次</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>准予认证</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Year of decision</source>
        <translation>决定年份</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评价项</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>评价项编号</translation>
    </message>
    <message>
        <source>Nonconformities</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Clause {0}</source>
        <translation>条款 {0}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格次数</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Holders</source>
        <translation>持证企业</translation>
    </message>
    <message>
        <source>Strength S</source>
        <translation>强度 S</translation>
    </message>
    <message>
        <source>Value V</source>
        <translation>价值 V</translation>
    </message>
    <message>
        <source>Valued</source>
        <translation>有估算</translation>
    </message>
    <message>
        <source>Too old</source>
        <translation>估算过期</translation>
    </message>
    <message>
        <source>Not comparable</source>
        <translation>不可比</translation>
    </message>
    <message>
        <source>No estimate</source>
        <translation>无估算</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Surveillance visits due</source>
        <translation>待监督</translation>
    </message>
    <message>
        <source>Surveillance visits overdue</source>
        <translation>逾期未监督</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Index = 0.5 × S + 0.5 × V on {0}: S is the holders&apos; decision score, V their latest brand-value estimate on a log scale (1 万元 = 0, 100 亿元 = 100). A group without an estimate has no index. See docs/statistics.md.</source>
        <translation>指数 = 0.5 × S + 0.5 × V，截至 {0}：S 为持证企业获证决定的总分，V 为其最新品牌价值估算的对数刻度（1 万元 = 0，100 亿元 = 100）。无估算的组不计指数。详见 docs/statistics.md。</translation>
    </message>
    <message>
        <source>{0} of {1} assessments with measured product tests have a failed one.</source>
        <translation>有产品检验结果的评价 {1} 个，其中有不合格项的 {0} 个。</translation>
    </message>
    <message>
        <source>Assessments counted by the year they were created, certificates by the year they were issued; the pass rate is granted (including after corrective action) over decided.</source>
        <translation>评价按创建年份计，证书按发证年份计；通过率 = 准予认证（含整改后准予）/ 已作决定。</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Save table</source>
        <translation>保存表格</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>QtStatusChangeDialog</name>
    <message>
        <source>Suspend certificate {0}</source>
        <translation>暂停证书 {0}</translation>
    </message>
    <message>
        <source>Reinstate certificate {0}</source>
        <translation>恢复证书 {0}</translation>
    </message>
    <message>
        <source>Withdraw certificate {0}</source>
        <translation>撤销证书 {0}</translation>
    </message>
    <message>
        <source>Cancel certificate {0}</source>
        <translation>注销证书 {0}</translation>
    </message>
    <message>
        <source>Why (kept in the register and the event log)</source>
        <translation>原因（记入登记册和事件日志）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>This is final: a withdrawn or cancelled certificate cannot be reinstated.</source>
        <translation>此操作不可逆：已撤销或注销的证书不能恢复。</translation>
    </message>
</context>
<context>
    <name>QtSurveillanceDialog</name>
    <message>
        <source>Surveillance due</source>
        <translation>监督到期</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>例行（年度）</translation>
    </message>
    <message>
        <source>Complaint (substantiated)</source>
        <translation>投诉（经查实）</translation>
    </message>
    <message>
        <source>Failed sampling</source>
        <translation>抽样不合格</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Why due</source>
        <translation>监督原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>监督评审</translation>
    </message>
    <message>
        <source>No surveillance visit is due in the next 90 days.</source>
        <translation>未来 90 天内没有到期的监督。</translation>
    </message>
    <message>
        <source>&amp;Open visit…</source>
        <translation>开始监督(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Record result…</source>
        <translation>记录结果(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Extra visit…</source>
        <translation>加做监督(&amp;E)…</translation>
    </message>
    <message>
        <source>Visits due by {0}: {1}, of which overdue: {2}</source>
        <translation>{0} 前到期的监督：{1} 次，其中逾期 {2} 次</translation>
    </message>
    <message>
        <source>#{0} open</source>
        <translation>#{0} 进行中</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Overdue since {0}</source>
        <translation>自 {0} 起逾期</translation>
    </message>
    <message>
        <source>No active assessor is registered for this scheme.</source>
        <translation>没有登记胜任该方案的在岗评审员。</translation>
    </message>
    <message>
        <source>Open a surveillance visit</source>
        <translation>开始监督评审</translation>
    </message>
    <message>
        <source>Assessor of the visit:</source>
        <translation>监督评审员：</translation>
    </message>
    <message>
        <source>Visit started as assessment #{0}.</source>
        <translation>监督已作为评审 #{0} 开始。</translation>
    </message>
    <message>
        <source>Earlier nonconformities to check again:</source>
        <translation>需再次核查的以往不符合项：</translation>
    </message>
    <message>
        <source>Open its walk-through now?</source>
        <translation>现在打开逐项评审吗？</translation>
    </message>
</context>
<context>
    <name>QtSurveillanceResultDialog</name>
    <message>
        <source>Surveillance result for {0}</source>
        <translation>{0} 的监督结果</translation>
    </message>
    <message>
        <source>Verdict of visit #{0}: {1} (total {2:.2f}; {3} of {4} items answered)</source>
        <translation>监督评审 #{0} 的结论：{1}（总分 {2:.2f}；已答 {3}/{4} 项）</translation>
    </message>
    <message>
        <source>Maintain</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Why (needed to suspend or withdraw; kept with the status change)</source>
        <translation>原因（暂停或撤销时必填；随状态变更记录）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>You decide as the person signed in; whoever carried out the visit cannot.</source>
        <translation>由当前登录人员作出决定；实施本次监督的人员不能决定。</translation>
    </message>
</context>
<context>
    <name>QtTestEditor</name>
    <message>
        <source>full-value comparison (全数值比较法)</source>
        <translation>全数值比较法</translation>
    </message>
    <message>
        <source>rounded-value comparison (修约值比较法)</source>
        <translation>修约值比较法</translation>
    </message>
    <message>
        <source>rounded to {0} decimal(s)</source>
        <translation>修约到 {0} 位小数</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <source>Judgement (GB/T 8170)</source>
        <translation>判定（GB/T 8170）</translation>
    </message>
    <message>
        <source>National limit</source>
        <translation>国家标准限值</translation>
    </message>
    <message>
        <source>Test method</source>
        <translation>检验方法</translation>
    </message>
    <message>
        <source>Measured value</source>
        <translation>实测值</translation>
    </message>
    <message>
        <source>Sample {0}</source>
        <translation>样品 {0}</translation>
    </message>
    <message>
        <source>e.g. {0}</source>
        <translation>如：{0}</translation>
    </message>
    <message>
        <source>Type the measured value; it is judged as you type and saved when you pause, press Enter or leave the field.</source>
        <translation>输入实测值：输入时即时判定，停顿、按回车或离开输入框时保存。</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>This test does not apply to the product (shortcut: N)</source>
        <translation>此检验项不适用于该产品（快捷键：N）</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>compared {0} {1}</source>
        <translation>比较值 {0} {1}</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Not saved: enter numbers such as {0}</source>
        <translation>未保存：请输入数字，如 {0}</translation>
    </message>
    <message>
        <source>No measured value yet</source>
        <translation>尚无实测值</translation>
    </message>
    <message>
        <source>Incomplete: {0} of {1} samples missing. What is typed is kept; the test counts as unanswered until every sample is in.</source>
        <translation>未完成：{1} 个样品中缺 {0} 个。已输入的会保留；全部样品录入前，该检验按未作答计。</translation>
    </message>
    <message>
        <source>PASS: within the limit {0}</source>
        <translation>合格：符合限值 {0}</translation>
    </message>
    <message>
        <source>FAIL: outside the limit {0}</source>
        <translation>不合格：超出限值 {0}</translation>
    </message>
</context>
<context>
    <name>QtTornadoChart</name>
    <message>
        <source>No uncertain input: nothing to compare.</source>
        <translation>没有不确定的输入：无可比较。</translation>
    </message>
    <message>
        <source>Run an estimate to see which inputs move it most.</source>
        <translation>运行估算后即可看到哪些输入对结果影响最大。</translation>
    </message>
    <message>
        <source>Input at P10</source>
        <translation>输入取 P10</translation>
    </message>
    <message>
        <source>Input at P90</source>
        <translation>输入取 P90</translation>
    </message>
    <message>
        <source>Deterministic {0}</source>
        <translation>确定值 {0}</translation>
    </message>
</context>
<context>
    <name>QtTrendChart</name>
    <message>
        <source>No decisions yet.</source>
        <translation>尚无认证决定。</translation>
    </message>
</context>
<context>
    <name>QtValuationForm</name>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Relief from royalty</source>
        <translation>许可费节省法</translation>
    </message>
    <message>
        <source>Multi-period excess earnings</source>
        <translation>多期超额收益法</translation>
    </message>
    <message>
        <source>The brand valued (default: the applicant&apos;s name)</source>
        <translation>被评估品牌（默认：申请企业名称）</translation>
    </message>
    <message>
        <source>Purpose or remarks, printed in the report</source>
        <translation>评估目的或备注，将打印在报告中</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>评估基准日</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Unit of amounts</source>
        <translation>金额单位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Forecast years</source>
        <translation>预测年数</translation>
    </message>
    <message>
        <source>Brand revenue</source>
        <translation>品牌收入</translation>
    </message>
    <message>
        <source>After-tax profit</source>
        <translation>税后利润</translation>
    </message>
    <message>
        <source>Royalty rate</source>
        <translation>许可费率</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Industry range placed by brand strength</source>
        <translation>按品牌强度在行业区间内取值</translation>
    </message>
    <message>
        <source>e.g. 0.04</source>
        <translation>如 0.04</translation>
    </message>
    <message>
        <source>Royalty range, low</source>
        <translation>许可费率区间下限</translation>
    </message>
    <message>
        <source>e.g. 0.02</source>
        <translation>如 0.02</translation>
    </message>
    <message>
        <source>Royalty range, high</source>
        <translation>许可费率区间上限</translation>
    </message>
    <message>
        <source>e.g. 0.06</source>
        <translation>如 0.06</translation>
    </message>
    <message>
        <source>Brand strength</source>
        <translation>品牌强度</translation>
    </message>
    <message>
        <source>0-100</source>
        <translation>0-100</translation>
    </message>
    <message>
        <source>From assessment</source>
        <translation>取自评审</translation>
    </message>
    <message>
        <source>Read the brand strength from the applicant&apos;s latest assessment</source>
        <translation>从该申请企业最近一次评审读取品牌强度</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Brand strength (0-100)</source>
        <translation>品牌强度（0-100）</translation>
    </message>
    <message>
        <source>Contributory assets</source>
        <translation>贡献资产</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Required return</source>
        <translation>要求回报率</translation>
    </message>
    <message>
        <source>Add asset</source>
        <translation>添加资产</translation>
    </message>
    <message>
        <source>Remove asset</source>
        <translation>删除资产</translation>
    </message>
    <message>
        <source>Rates and discounting</source>
        <translation>税率与折现</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>e.g. 0.25</source>
        <translation>如 0.25</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>e.g. 0.12</source>
        <translation>如 0.12</translation>
    </message>
    <message>
        <source>Terminal value (Gordon growth)</source>
        <translation>终值（戈登增长模型）</translation>
    </message>
    <message>
        <source>Terminal growth</source>
        <translation>永续增长率</translation>
    </message>
    <message>
        <source>Mid-year discounting</source>
        <translation>年中折现</translation>
    </message>
    <message>
        <source>Tax amortisation benefit over</source>
        <translation>税务摊销收益年限</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛模拟</translation>
    </message>
    <message>
        <source>The same seed and input give the same result</source>
        <translation>相同的种子和输入得出相同的结果</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>模拟次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>No assessment of this applicant to read the brand strength from.</source>
        <translation>该申请企业没有可读取品牌强度的评审。</translation>
    </message>
    <message>
        <source>section scores mapped onto brand-value elements</source>
        <translation>各部分得分映射到品牌价值要素</translation>
    </message>
    <message>
        <source>the assessment&apos;s total score</source>
        <translation>评审总分</translation>
    </message>
    <message>
        <source>From assessment #{0} ({1} {2}): {3}.</source>
        <translation>取自评审 #{0}（{1} {2}）：{3}。</translation>
    </message>
    <message>
        <source>Given by you; assessment #{0} gives {1}.</source>
        <translation>由您填写；评审 #{0} 得出 {1}。</translation>
    </message>
    <message>
        <source>That assessment is not decided yet.</source>
        <translation>该评审尚未作出决定。</translation>
    </message>
    <message>
        <source>Year {0}</source>
        <translation>第 {0} 年</translation>
    </message>
    <message>
        <source>e.g. working capital</source>
        <translation>如：营运资金</translation>
    </message>
    <message>
        <source>e.g. 0.05</source>
        <translation>如 0.05</translation>
    </message>
    <message>
        <source>Royalty range</source>
        <translation>许可费率区间</translation>
    </message>
    <message>
        <source>Brand revenue, year {0}</source>
        <translation>第 {0} 年品牌收入</translation>
    </message>
    <message>
        <source>After-tax profit, year {0}</source>
        <translation>第 {0} 年税后利润</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>required return</source>
        <translation>要求回报率</translation>
    </message>
    <message>
        <source>Tax amortisation years</source>
        <translation>税务摊销年限</translation>
    </message>
    <message>
        <source>asset {0}</source>
        <translation>资产 {0}</translation>
    </message>
    <message>
        <source>The estimate was refused:</source>
        <translation>估算被拒绝：</translation>
    </message>
    <message>
        <source>is empty: give a number (or a distribution with ±)</source>
        <translation>为空：请填写数字（或用 ± 给出分布）</translation>
    </message>
    <message>
        <source>{0} is not a number</source>
        <translation>{0} 不是数字</translation>
    </message>
</context>
<context>
    <name>QtValuationHistory</name>
    <message>
        <source>Saved estimates of this applicant</source>
        <translation>该申请企业已保存的估算</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>评估基准日</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>P10 – P90</source>
        <translation>P10 – P90</translation>
    </message>
    <message>
        <source>By</source>
        <translation>估算人</translation>
    </message>
    <message>
        <source>&amp;Export estimates…</source>
        <translation>导出估算(&amp;E)…</translation>
    </message>
    <message>
        <source>Save this applicant&apos;s estimates, as the table lists them, to an Excel workbook or a CSV file</source>
        <translation>将该申请企业的估算按表中顺序保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
</context>
<context>
    <name>QtValuationMessages</name>
    <message>
        <source>triangular</source>
        <translation>三角</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正态</translation>
    </message>
    <message>
        <source>lognormal</source>
        <translation>对数正态</translation>
    </message>
</context>
<context>
    <name>QtValuationPage</name>
    <message>
        <source>Brand value</source>
        <translation>品牌价值</translation>
    </message>
    <message>
        <source>Search applicants by name or credit code</source>
        <translation>按企业名称或信用代码搜索申请企业</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <source>An estimate, not a certified value: every figure comes with its range, method and assumptions.</source>
        <translation>这是估算值，而非经认证的价值：每个数字都附有其区间、方法和假设。</translation>
    </message>
    <message>
        <source>&amp;Run estimate</source>
        <translation>运行估算(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;with applicant</source>
        <translation>保存到申请企业(&amp;W)</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>— choose an applicant —</source>
        <translation>— 请选择申请企业 —</translation>
    </message>
    <message>
        <source>The form changed after this run: run again before saving.</source>
        <translation>本次运行后表单已修改：保存前请重新运行。</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in (Settings → Sign in…) to save an estimate under your name.</source>
        <translation>尚无人登录。请先登录（设置 → 登录…），估值才能以您的名义保存。</translation>
    </message>
    <message>
        <source>Running the Monte Carlo estimate</source>
        <translation>正在运行蒙特卡洛估算</translation>
    </message>
    <message>
        <source>{0} · {1} trials, {2} rejected ({3}), seed {4}; amounts in {5}.</source>
        <translation>{0} · 模拟 {1} 次，剔除 {2} 次（{3}），种子 {4}；金额单位：{5}。</translation>
    </message>
    <message>
        <source>Brand strength {0} from assessment #{1}.</source>
        <translation>品牌强度 {0}，取自评审 #{1}。</translation>
    </message>
    <message>
        <source>Saved estimate #{0} by {1}.</source>
        <translation>已保存估算 #{0}（{1}）。</translation>
    </message>
    <message>
        <source>Save estimate</source>
        <translation>保存估算</translation>
    </message>
    <message>
        <source>Export the brand value report</source>
        <translation>导出品牌价值报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the brand value report</source>
        <translation>正在生成品牌价值报告</translation>
    </message>
    <message>
        <source>Choose an applicant to keep estimates with it</source>
        <translation>选择申请企业以便保存估算</translation>
    </message>
    <message>
        <source>The form changed after this run: run again before saving</source>
        <translation>本次运行后表单已修改：保存前请重新运行</translation>
    </message>
</context>
<context>
    <name>QtValuationResults</name>
    <message>
        <source>Deterministic value</source>
        <translation>确定性估值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Run an estimate to see its range.</source>
        <translation>运行估算后即可看到取值范围。</translation>
    </message>
    <message>
        <source>Distribution of the draws</source>
        <translation>模拟结果分布</translation>
    </message>
    <message>
        <source>Sensitivity: each input at its P10 and P90</source>
        <translation>敏感性：各输入分别取 P10 和 P90</translation>
    </message>
    <message>
        <source>Deterministic</source>
        <translation>确定值</translation>
    </message>
</context>
<context>
    <name>QtVerifyDialog</name>
    <message>
        <source>Verify a certificate</source>
        <translation>验证证书</translation>
    </message>
    <message>
        <source>Paste the QR code&apos;s text (BM1:…), or open the certificate&apos;s PDF or a photo of it</source>
        <translation>粘贴二维码的文字（BM1:…），或打开证书的 PDF 或照片</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>核验(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;PDF…</source>
        <translation>打开 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Open p&amp;icture…</source>
        <translation>打开图片(&amp;I)…</translation>
    </message>
    <message>
        <source>A photo or scan of the certificate (PNG, JPEG): its QR code is read</source>
        <translation>证书的照片或扫描件（PNG、JPEG）：读取其中的二维码</translation>
    </message>
    <message>
        <source>&amp;Status list…</source>
        <translation>状态清单(&amp;S)…</translation>
    </message>
    <message>
        <source>Status from this register (no status list loaded)</source>
        <translation>状态取自本登记簿（未载入状态清单）</translation>
    </message>
    <message>
        <source>Open a certificate PDF</source>
        <translation>打开证书 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Open a photo or scan of a certificate</source>
        <translation>打开证书的照片或扫描件</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Open a status list</source>
        <translation>打开状态清单</translation>
    </message>
    <message>
        <source>Status lists (*.json)</source>
        <translation>状态清单 (*.json)</translation>
    </message>
    <message>
        <source>Status list no. {0} of {1} (body {2}), to be relied on until {3}</source>
        <translation>状态清单第 {0} 号，{1}（机构 {2}），可信至 {3}</translation>
    </message>
</context>
<context>
    <name>QtWelcomePage</name>
    <message>
        <source>Welcome to brandmark</source>
        <translation>欢迎使用 brandmark</translation>
    </message>
    <message>
        <source>brandmark supports the 品字标 (“standard plus certification”) brand of Zhejiang: assessors walk a scheme&apos;s criteria with an applicant, the results are scored on this computer, a person who did not assess makes the decision, and certificates and brand-value estimates are printed. Everything is kept in one local database file; no network is needed.</source>
        <translation>brandmark 服务于浙江“品字标”（标准+认证）区域公共品牌：评审员与申请企业逐项核查认证方案的评价要求，结果在本机评分，由未参与评审的人员作出认证决定，并打印证书和品牌价值估算报告。所有数据保存在一个本地数据库文件中，无需联网。</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <source>The database has no applicant yet. How would you like to begin?</source>
        <translation>数据库中还没有申请企业。您想从哪里开始？</translation>
    </message>
    <message>
        <source>Register the first applicant…</source>
        <translation>登记第一家申请企业…</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>The demo data are invented enterprises marked 【演示】, with finished and open assessments against the reference packs. They are clearly labelled as demo everywhere.</source>
        <translation>演示数据是虚构的企业，名称均带有“【演示】”标记，并包含依据参考评价包完成和进行中的评审。演示数据在各处都有明确标示。</translation>
    </message>
    <message>
        <source>Loading the demo data</source>
        <translation>正在加载演示数据</translation>
    </message>
</context>
</TS>
