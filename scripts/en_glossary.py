"""English glossary for scripts/fill_en_po.py: Chinese msgid → English; a (singular, plural) tuple for
plural msgids; "context\x04msgid" for a msgid with a context (pgettext). Official terms: 第一责任人 First
responsible, 直接责任人 Directly responsible, 一岗双责 Dual responsibility, 阵地 Channel, 阵地台账 Channel
registry, 备案 Registration, 年审 Annual review, 零报告 Zero report, 初审/复审/终审 First/Second/Final review,
发布审查 Pre-publication review, 重点任务 Key tasks, 台账 Ledger, 逾期 Overdue, 逾期完成 Completed late,
宣传部 Publicity Department, 纪委 Discipline Commission."""

# Shell, organisation and policy packs
EN = {
    "核心": "Core", "时间": "Time", "操作人": "Actor", "操作人姓名": "Actor name", "事件": "Event",
    "对象类型": "Object type", "对象编号": "Object id", "对象": "Object", "所属单位": "Unit",
    "变更前": "Before", "变更后": "After", "请求编号": "Request id", "审计事件": "Audit event",
    "前一哈希": "Previous hash", "本事件哈希": "Event hash", "审计日志": "Audit log", "全部": "All",
    "起": "From", "止": "To", "筛选": "Filter", "哈希": "Hash", "没有符合条件的事件。": "No matching events.",
    "菜单": "Menu", "主导航": "Main navigation", "后台": "Admin", "退出": "Log out", "依据": "Rules",
    "工作台": "Dashboard", "我的职责": "My responsibilities", "单位": "Unit", "角色": "Role", "分管": "Oversees",
    "任期": "Term", "至今": "present", "您当前没有任职记录。": "You hold no appointment at present.",
    "待办": "To do", "暂无待办事项。": "Nothing to do.", "上一页": "Previous",
    "第 %(n)s / %(total)s 页": "Page %(n)s of %(total)s", "下一页": "Next",
    "本模块正在建设中，将在后续版本提供。": "This module is being built and will come in a later release.",
    "登录": "Log in", "校园网络意识形态工作责任制管理平台": "Campus network ideology work responsibility platform",
    "用户名或密码不正确，请重新输入。": "Wrong user name or password. Please try again.",
    "登录失败次数过多，账号已暂时锁定，请 %(minutes)s 分钟后再试。":
        "Too many failed logins: the account is locked for now. Try again in %(minutes)s minutes.", "用户名": "User name",
    "密码": "Password", "组织与责任体系": "Organisation and responsibility", "校党委": "School Party Committee",
    "党总支": "General Party Branch", "直属党支部": "Directly affiliated Party Branch",
    "附属医院党委": "Affiliated Hospital Party Committee", "校属部门": "School department", "校属单位": "School unit",
    "党支部": "Party Branch", "单位代码": "Unit code", "全称": "Full name", "简称": "Short name", "类型": "Kind",
    "上级单位": "Parent unit", "排序": "Order", "启用日期": "Active from", "停用日期": "Active to",
    "登录账号": "Login", "工号": "Staff no.", "姓名": "Name", "所在单位": "Home unit", "职务": "Title",
    "电子邮箱": "E-mail", "手机": "Mobile", "人员": "People", "起始日期": "Valid from", "截止日期": "Valid to",
    "任职依据（文号）": "Basis (document no.)", "分管工作": "Area overseen", "分管单位": "Units overseen",
    "任职": "Appointment", "新增任职": "New appointment", "保存": "Save", "取消": "Cancel",
    "Excel 批量导入": "Excel import", "单位、人员与任职 · Excel 批量导入": "Units, people and appointments · Excel import",
    "请先": "First", "下载导入模板": "download the template",
    "，按说明填写后上传。有错误的行不会导入；重复导入同一文件不会产生变化。":
        ", fill it in as described and upload it. Rows with errors are not imported; importing the same file again changes nothing.",
    "上传并导入": "Upload and import", "校验结果（未写入）": "Check result (nothing written)", "导入结果": "Import result",
    "新增": "Created", "更新": "Updated", "无变化": "Unchanged", "%(n)s 处错误": ("%(n)s error", "%(n)s errors"),
    "下载错误报告（xlsx）": "Download the error report (xlsx)", "工作表": "Sheet", "行号": "Row", "列": "Column",
    "问题": "Problem", "没有错误。": "No errors.", "任职记录": "Appointments", "暂无任职记录。": "No appointments.",
    "姓名、工号或职务": "Name, staff no. or title", "查找": "Search", "没有可查看的人员。": "No people to show.",
    "上级": "Parent", "代码": "Code", "启用": "Active from", "责任链": "Responsibility chain", "截至日期": "As of",
    "查看": "Show", "%(d)s的责任链": "Responsibility chain as of %(d)s", "第一责任人": "First responsible",
    "直接责任人": "Directly responsible", "一岗双责": "Dual responsibility", "下级单位": "Sub-units", "无": "None",
    "终止": "End", "责任体系": "Responsibility", "责任体系 · 单位": "Responsibility · Units",
    "按名称或代码查找": "Search by name or code", "没有可查看的单位。": "No units to show.", "制度包": "Policy packs",
    "版本": "Version", "名称": "Name", "文号": "Document no.", "机构": "Institution", "生效日期": "Effective from",
    "原始 YAML": "Raw YAML", "其余规则": "Other rules", "载入时间": "Loaded at", "本单位": "Own unit",
    "本单位及下级": "Unit and sub-units", "全校": "Whole school", "不在责任链": "Not in the chain", "担任者": "Holder",
    "说明": "Description", "权限范围": "Reach", "每单位仅一人": "Single holder per unit",
    "责任链位置": "Chain position", "授权动作": "Actions granted", "条款出处": "Source clause", "长期": "Ongoing",
    "半年一次": "Half-yearly", "每季度一次": "Quarterly", "每年开展": "Yearly", "适时上报": "When it happens",
    "附件行号": "Appendix row", "项目名称": "Item", "工作内容": "Content", "责任单位": "Responsible level",
    "制度包 levels 中的代码": "A code from the pack's levels", "责任单位名称": "Responsible level name",
    "时间安排": "Schedule", "原表时间安排": "Schedule as printed",
    "原表单元格原样；空单元格沿用上一行": "The cell as printed; an empty cell takes the row above",
    "每年最少次数": "Minimum per year", "计数的记录类型": "Counted record type", "佐证材料": "Evidence",
    "重点任务": "Key tasks", "问责情形": "Accountability situations", "问责方式": "Accountability methods",
    "队伍类型": "Team types", "工作要求": "Work requirements", "审查要点": "Review checklist", "原则": "Principles",
    "责任层级": "Responsible levels", "指导思想": "Guiding principle", "重点任务条款": "Key-task clauses",
    "类别": "Kind", "标题": "Title", "内容": "Text", "制度条目": "Policy items", "现行": "In force",
    "全部版本": "All versions", "角色与职责": "Roles and duties", "出处": "Source", "重点任务清单": "Key-task checklist",
    "项": "items", "每年不少于 %(n)s 次": "At least %(n)s a year", "（原表空，沿用上一行）": "(empty in the table; row above)",
    "每一稿件在每一审核阶段都要回答以下问题：": "Every item answers these questions at every review stage:",
    "序号": "No.", "适用单位类型": "Applies to unit kinds", "对党组织": "For party organisations",
    "对领导干部": "For leading cadres", "其他设置": "Other settings", "发布审核阶段": "Review stages",
    "新媒体备案时限": "Channel registration deadlines",
    "开通后 %(n)s 天内备案；变更后 %(m)s 天内报备": "Register within %(n)s days of opening; report changes within %(m)s days",
    "舆情分级与首报时限": "Incident levels and first-report limits", "状态": "Status", "历史/其他": "History/other",
    "尚未载入制度包。请运行 netduty policy load --default。": "No policy pack loaded yet. Run: netduty policy load --default.",
}

# Shell, navigation, duties (重点任务)
EN.update({
    "IP": "IP",
    "制度包把责任制的规则（角色、重点任务清单、问责情形、审查要点……）保存为带版本的数据。已载入的版本不能修改；新版本以新的行载入，历史记录仍指向其所依据的版本。":
        "A policy pack keeps the responsibility system's rules (roles, the key-task checklist, accountability "
        "situations, the review checklist…) as versioned data. A loaded version cannot be changed; a new version "
        "is loaded as new rows, and records keep pointing to the version they were based on.",
    "单位与责任链": "Units and chains", "本单位任务": "My unit's tasks", "总览看板": "Overview board",
    "我的日历": "My calendar", "通知": "Notifications", "阵地与发布审查": "Channels and review",
    "发布审查": "Pre-publication review", "上线核查": "Live check", "阵地台账": "Channel registry",
    "备案审批": "Registration approval", "年审与零报告": "Annual review and zero reports", "舆情": "Public opinion",
    "问责": "Accountability", "检查考核": "Inspection and assessment", "学习与队伍": "Training and teams",
    "审计": "Audit", "网络意识形态工作责任制": "Online ideology work responsibility system",
    "子导航": "Sub-navigation", "第 %(n)s 版": "Version %(n)s",
    "board cell\x04未": "N", "board cell\x04进": "P", "board cell\x04逾": "O", "board cell\x04迟": "L",
    "不支持的文件类型“%(ext)s”：只接受 %(allowed)s 文件。": "Unsupported file type “%(ext)s”: only %(allowed)s files are accepted.",
    "无扩展名": "no extension",
    "文件过大（%(size)s）：单个文件不能超过 %(limit)s。": "The file is too large (%(size)s): a file may not exceed %(limit)s.",
    "文件过大：单个文件不能超过 %(limit)s。": "The file is too large: a file may not exceed %(limit)s.",
    "文件是空的，请重新选择。": "The file is empty. Please choose another.",
    "文件内容不是有效的 %(allowed)s 文件（可能已损坏或被改了扩展名）。":
        "The content is not a valid %(allowed)s file (it may be damaged or renamed).",
    "文件扩展名“%(ext)s”与内容（%(detected)s）不符，请检查后重新上传。":
        "The extension “%(ext)s” does not match the content (%(detected)s). Please check and upload again.",
    "张三（出差）": "Zhang San (travelling)", "材料名称": "Title", "文件（docx、pdf、png、jpg）": "File (docx, pdf, png, jpg)",
    "新版本文件": "New version", "完成情况说明": "Completion statement", "意见 / 退回原因": "Comments / reason for return",
    "作废原因": "Reason for voiding", "分解任务": "Sub-task", "责任人": "Responsible people", "完成时限": "Due by",
    "即将到期": "Due soon", "已逾期": "Overdue", "逾期上报": "Overdue escalation", "材料被退回": "Evidence returned",
    "接收人": "Recipient", "同一接收人同一 key 只提醒一次": "One reminder per recipient and key",
    "提醒": "Reminders", "日历订阅令牌": "Calendar feed token", "任务代码": "Task code",
    "跨制度包版本识别同一任务": "Identifies the same task across policy pack versions", "年度": "Year",
    "任务义务": "Obligation", "验收通过": "Accept", "退回": "Return", "结论": "Conclusion", "验收人": "Accepted by",
    "验收记录": "Acceptance history",
    "党委（党组织）会议专题研究意识形态工作": "Party committee meeting on ideology work",
    "传达学习上级文件、通报、讲话精神": "Study of higher-level documents, circulars and speeches",
    "理论学习中心组学习": "Theory study group session", "舆情研判会议": "Public opinion analysis meeting",
    "班子会议分析研判": "Leadership meeting analysis", "其他会议": "Other meeting", "会议类型": "Meeting type",
    "会议名称": "Meeting", "会议日期": "Meeting date", "地点": "Place", "主持人": "Chair", "出席人员": "Attendees",
    "每行一人或以顿号分隔": "One per line, or separated by 、", "缺席人员及原因": "Absentees and reasons",
    "每行一人：姓名（原因）": "One per line: name (reason)", "议题": "Topics", "会议记录 / 纪要": "Record / minutes",
    "决定事项": "Decisions", "作废时间": "Voided at", "登记人": "Recorded by", "登记时间": "Recorded at",
    "会议记录": "Meeting records", "文件": "File", "原文件名": "Original file name", "大小（字节）": "Size (bytes)",
    "材料文件版本": "Evidence file version",
    "已逾期 %(n)s 天": ("%(n)s day overdue", "%(n)s days overdue"), "%(date)s截止": "due %(date)s",
    "Y年n月j日": "j M Y", "Y年n月j日 H:i": "j M Y H:i", "n月j日 H:i": "j M H:i", "m月d日 H:i": "j M H:i",
    "待验收：%(what)s": "To accept: %(what)s", "请验收或退回": "Accept or return",
    "您没有执行此操作的权限。": "You are not allowed to do this.",
    "会议日期不能晚于今天：请在会议召开后登记。": "The meeting date cannot be in the future: record a meeting after it is held.",
    "已作废的会议记录不能修改。": "A voided meeting record cannot be changed.", "请填写作废原因。": "Please give a reason for voiding.",
    "已作废的会议记录不能再添加材料。": "Files cannot be added to a voided meeting record.", "请先登录。": "Please log in first.",
    "只有上级单位（或宣传部）可以验收本单位的任务材料。":
        "Only the next level up (or the Publicity Department) can accept this unit's evidence.",
    "不能验收本人提交的材料。": "You cannot accept evidence you submitted yourself.",
    "该任务按会议等记录自动计数，登记记录即可，无需提交验收。":
        "This task is counted from records such as meetings: record them; no submission is needed.",
    "该任务已提交验收，请勿重复提交。": "This task has already been submitted for acceptance.",
    "请填写完成情况说明（长期任务填写年度自查情况）。":
        "Please write a completion statement (for ongoing tasks, the yearly self-check).",
    "请先上传至少一份佐证材料，再提交验收。": "Upload at least one piece of evidence before submitting.",
    "该任务当前没有待验收的材料。": "Nothing is waiting for acceptance on this task.",
    "退回时请填写原因。": "Please give a reason for returning.", "请填写分解任务内容。": "Please describe the sub-task.",
    "%(year)s年上半年": "H1 %(year)s", "%(year)s年下半年": "H2 %(year)s", "%(year)s年第%(n)s季度": "Q%(n)s %(year)s",
    "%(year)s年度": "Year %(year)s", "未开始": "Not started", "进行中": "In progress", "已完成": "Completed",
    "逾期": "Overdue", "逾期完成": "Completed late", "上传新版本": "Upload a new version",
    "暂无佐证材料。": "No evidence yet.", "上传": "Upload", "“—” 不承担": "“—” not applicable",
    "重点任务看板": "Key tasks board", "截至%(d)s": "as of %(d)s", "周期": "Period", "%(y)s年": "%(y)s",
    "单位名称": "Unit name", "单位类型": "Unit kind", "任务": "Task", "导出 xlsx": "Export xlsx", "总体": "Overall",
    "完成（%(finished)s/%(total)s 项）": "completed (%(finished)s/%(total)s items)",
    "按任务完成率": "Completion by task", "单位 × 任务": "Units × tasks", "完成率": "Completion",
    "没有符合条件的单位。先生成本年度任务：": "No matching units. Generate this year's tasks first:",
    "按单位完成率（本页）": "Completion by unit (this page)", "按单位完成率": "Completion by unit",
    "按任务统计": "By task", "应完成": "Due", "按单位统计": "By unit", "我的截止日历": "My deadline calendar",
    "在 Outlook、手机日历等应用中“订阅日历”并粘贴下面的地址，即可看到您负责单位的重点任务截止日期。地址本身就是凭据，请勿转发。":
        "In Outlook, your phone's calendar or similar, choose “subscribe to calendar” and paste the address "
        "below to see the key-task deadlines of the units you are responsible for. The address itself is the "
        "credential: do not forward it.",
    "重置订阅地址（旧地址立即失效）": "Reset the feed address (the old one stops working at once)", "截止": "Due",
    "没有需要您办理的截止日期。": "No deadlines for you.", "任务看板": "Task board",
    "我负责的单位": "My units", "您当前没有需要登记任务完成情况的单位。": "You have no units whose key tasks you record.",
    "暂无到期或待验收的任务。": "Nothing due or waiting for acceptance.", "已作废": "Voided", "日期": "Date",
    "缺席及原因": "Absent (reason)", "会议纪要": "Minutes", "登记": "Recorded", "系统": "System", "作废": "Void",
    "修改会议记录": "Edit meeting record", "%(unit)s 的重点任务": "Key tasks of %(unit)s", "会议材料": "Meeting files",
    "作废此记录": "Void this record",
    "登记有误时作废（保留原记录和审计），相关任务的计数会自动更新。":
        "Void a record entered by mistake (the record and its audit trail are kept); task counts update automatically.",
    "登记会议记录": "Record a meeting",
    "修改会议类型或日期后，相关任务的计数会自动重新计算；每次修改都记入审计日志。":
        "Changing the meeting type or date recounts the related tasks automatically; every change is audited.",
    "暂无提醒。": "No reminders.", "（年度自查）": " (yearly self-check)", "触发事件": "Triggering event",
    "完成标准": "Completion criterion",
    "本周期登记“%(kind)s”记录不少于 %(n)s 次": "At least %(n)s “%(kind)s” records this period",
    "（全年不少于 %(n)s 次）": " (at least %(n)s a year)", "；已有 <strong id=\"period-count\">%(n)s</strong> 次": "; so far <strong id=\"period-count\">%(n)s</strong>",
    "上传佐证材料并提交，经上级验收通过": "Upload evidence and submit it for acceptance by the next level up",
    "验收状态": "Acceptance", "完成时间": "Completed at", "%(year)s年度任务": "tasks of %(year)s",
    "计入的记录": "Counted records", "登记于 %(t)s": "recorded %(t)s", "本周期暂无计入的记录。": "No counted records this period.",
    "提交验收": "Submit for acceptance", "完成情况说明：": "Completion statement: ",
    "年度自查情况": "Yearly self-check", "提交上级验收": "Submit to the next level up",
    "等待上级验收。": "Waiting for acceptance by the next level up. ", "标记完成": "Mark done", "尚未分解。": "No sub-tasks.",
    "添加": "Add", "%(year)s年度重点任务": "key tasks of %(year)s", "接下来要办": "Coming up",
    "%(d)s截止": "due %(d)s", "本年度任务均已完成，或尚未生成。": "All tasks of the year are done, or none generated yet.",
    "本年度任务": "Tasks of the year", "项目": "Item", "各周期": "Periods", "每年不少于%(n)s次": "at least %(n)s a year",
    "材料%(n)s": "files: %(n)s", "发生重大情况时适时上报": "Reported when a major event happens",
    "本年度尚未生成任务（宣传部运行": "No tasks generated for this year yet (the Publicity Department runs",
    "）。": ").", "会议记录（台账）": "Meeting records (ledger)", "本年度暂无会议记录。": "No meeting records this year.",
    "您的账号没有对应的人员信息，无法订阅日历。": "Your account has no person record, so it cannot subscribe to a calendar.",
    "已生成新的订阅地址，旧地址已失效。": "A new feed address was made; the old one no longer works.",
    "会议记录已修改，相关任务的计数已重新计算。": "Meeting record saved; the related task counts were recalculated.",
    "请选择要上传的文件。": "Please choose a file to upload.", "已上传“%(name)s”。": "Uploaded “%(name)s”.",
    "已提交上级验收。": "Submitted to the next level up.", "已验收通过。": "Accepted.",
    "已退回，并通知提交人。": "Returned; the submitter has been notified.", "会议记录已登记。": "Meeting recorded.",
    "会议记录已作废，相关任务计数已更新。": "Meeting record voided; task counts updated.",
    "已上传第 %(n)s 版，旧版本仍保留。": "Uploaded version %(n)s; older versions are kept.",
    "分解任务已添加。": "Sub-task added.", "请完整填写分解任务、责任人和完成时限。": "Please fill in the sub-task, person and due date.",
    "分解任务已完成。": "Sub-task done.",
    "定时任务执行记录": "Scheduled job run", "半年": "Half-year", "季度": "Quarter", "待验收": "Waiting for acceptance",
    "已退回": "Returned", "已验收": "Accepted", "2026 / 2026-H1 / 2026-Q3 / 2026-E-事件编号": "2026 / 2026-H1 / 2026-Q3 / 2026-E-event id",
    "周期类型": "Period kind", "开始日期": "Starts", "结束日期": "Ends", "年度自查": "Yearly self-check",
    "应有记录数": "Records required", "0 表示以佐证材料验收为准": "0: completed by accepted evidence instead",
    "已有记录数": "Records so far", "首次办理时间": "First activity", "完成情况说明 / 自查情况": "Completion statement / self-check",
    "事件编号": "Event id", "任务周期": "Task period",
})

# Channels (阵地台账)
EN.update({
    "阵地": "Channel", "%(start)s至%(end)s": "%(start)s to %(end)s", "%(start)s起": "from %(start)s",
    "%(person)s · %(role)s · %(unit)s（%(when)s）": "%(person)s · %(role)s · %(unit)s (%(when)s)",
    "账号 / 标识（公众号原始ID、微博号等）": "Account / ID (WeChat original ID, Weibo handle…)", "网址": "URL",
    "网址前缀（核查抓取限定范围）": "URL prefix (live checks fetch only below it)", "RSS / 站点地图": "RSS / sitemap",
    "层级": "Tier", "认证主体": "Verified entity", "关注数": "Followers", "分管领导": "Leader in charge",
    "负责部门（部门负责人）": "Responsible department (its head)", "专人 / 管理员": "Administrators",
    "主办单位": "Owning unit", "平台": "Platform", "开通日期": "Opened on", "说明（用途、受众等）": "Description (purpose, audience…)",
    "变更日期": "Changed on", "变更事由": "Reason for the change", "关停日期": "Closed on", "关停事由": "Reason for closing",
    "意见": "Decision", "同意": "Approve", "不同意": "Reject", "意见说明（不同意时必填）": "Comment (required when rejecting)",
    "管理密码保管人": "Password holder", "已开启二次验证（登录保护、管理员扫码确认等）":
        "Two-factor verification on (login protection, admin QR confirmation…)",
    "最近修改密码日期": "Password last changed", "其他防护措施": "Other measures", "可审核角色": "Roles that may review",
    "%(year)s年": "%(year)s", "已取消学生管理员权限（或无学生管理员）": "Student administrator rights removed (or none)",
    "发布落实“三审三校”": "Publishing follows “three reviews, three proofreads”",
    "建立舆情监测机制": "Public opinion monitoring in place", "自查情况": "Self-check notes", "年审结论": "Annual review result",
    "不合格情形": "Failing grounds", "意见 / 整改要求": "Comments / rectification required", "整改期限": "Rectify by",
    "请选择单位": "Choose a unit", "网站栏目": "Website section", "微信公众号": "WeChat official account",
    "微博": "Weibo", "抖音": "Douyin", "视频号": "WeChat Channels", "哔哩哔哩": "Bilibili", "电子屏": "Electronic screen",
    "其他": "Other", "一级（学校）": "Tier 1 (school)", "二级（学院、部门）": "Tier 2 (college, department)",
    "三级（班级、社团）": "Tier 3 (class, club)", "备案审批中": "Registration pending", "在用": "Active",
    "备案未通过": "Registration rejected", "已关停": "Closed", "账号 / 标识": "Account / ID", "网址前缀": "URL prefix",
    "核查抓取只允许访问此前缀下的网址": "Live checks only fetch URLs below this prefix", "备案日期": "Registered on",
    "顺序": "Order", "审核阶段": "Review stages", "负责部门": "Responsible department", "职责": "Duty",
    "阵地责任人": "Channel responsible", "合格": "Pass", "整改": "Rectify", "不合格": "Fail",
    "未按规定备案": "Not registered as required", "从事商业推广": "Commercial promotion",
    "损害学校声誉": "Damages the school's reputation", "发布有害信息": "Published harmful content",
    "泄密或传播谣言": "Leaked secrets or spread rumours", "已取消学生管理员权限": "Student administrator rights removed",
    "落实三审三校": "Three reviews, three proofreads", "填报人": "Filed by", "填报时间": "Filed at",
    "审核人": "Reviewer", "审核时间": "Reviewed at", "年审": "Annual review", "零报告": "Zero report",
    "已开启二次验证": "Two-factor verification on", "更新时间": "Updated at", "安全防护": "Security",
    "新开备案": "New registration", "变更报备": "Change report", "关停注销": "Closure",
    "待单位负责人审批": "Waiting for the unit head", "待宣传部审批": "Waiting for the Publicity Department",
    "已通过": "Approved", "未通过": "Rejected", "已撤回": "Withdrawn", "单位负责人": "Unit head",
    "宣传部": "Publicity Department", "申请内容": "Requested values",
    "拟登记或变更后的字段值；responsibles 为各职责的任职编号":
        "Field values to register or change to; responsibles are appointment ids per duty",
    "事由": "Reason", "开通 / 变更日期": "Opened / changed on", "报备期限": "Report by", "提交人": "Submitted by",
    "提交时间": "Submitted at", "办结时间": "Closed at", "备案申请": "Registration request", "环节": "Step",
    "审批人": "Decided by", "意见说明": "Comment", "提交即签批": "Signed on submission",
    "提交人本人即单位负责人，提交即视为单位负责人同意": "The submitter is the unit head: submitting counts as the head's approval",
    "审批时间": "Decided at", "审批意见": "Decision",
    "责任人格式不正确。": "The responsible people are not in the expected format.",
    "%(duty)s须从本单位现任人员中选择（任职 %(bad)s 不符合）。":
        "%(duty)s must be chosen from the unit's current appointees (appointments %(bad)s do not qualify).",
    "未知职责：%(codes)s": "Unknown duties: %(codes)s", "至少指定一名专人 / 管理员。": "Name at least one administrator.",
    "尚未填报安全防护情况": "Security measures not filed yet", "未指定管理密码保管人": "No password holder named",
    "密码保管人任职已结束": "The password holder's appointment has ended", "未开启二次验证": "Two-factor verification off",
    "密码超过 %(n)s 天未修改": "Password unchanged for more than %(n)s days", "未登记修改密码日期": "No password change date recorded",
    "只有宣传部可以执行此操作。": "Only the Publicity Department can do this.", "至少需要一个审核阶段。": "At least one review stage is needed.",
    "每个审核阶段须有代码、名称和至少一个角色。": "Every review stage needs a code, a name and at least one role.",
    "审核阶段代码重复：%(code)s": "Duplicate review stage code: %(code)s", "未知角色代码：%(codes)s": "Unknown role codes: %(codes)s",
    "审核阶段“%(name)s”已有审核记录，不能删除。": "Review stage “%(name)s” has decisions and cannot be removed.",
    "未知状态。": "Unknown status.", "须由具体人员填报。": "Must be filed by a person.",
    "年度须在 2000 至 %(year)s 之间。": "The year must be between 2000 and %(year)s.",
    "尚未完成备案的阵地不参加年审。": "A channel not yet registered takes no annual review.",
    "该年度年审已有结论，不能再修改自查情况。": "This year's review is concluded; the self-check can no longer change.",
    "该年度年审已由他人填报，请刷新页面。": "Someone else has filed this year's review. Please reload the page.",
    "不能审核本人填报的年审。": "You cannot conclude a review you filed yourself.",
    "未知的不合格情形：%(codes)s": "Unknown failing grounds: %(codes)s",
    "三项检查均符合且无不合格情形时才能评为合格。": "Pass requires all three checks met and no failing ground.",
    "评为不合格须选择不合格情形。": "Fail requires a failing ground.",
    "评为整改须写明整改要求和整改期限。": "Rectify requires what to rectify and by when.",
    "请选择年审结论。": "Please choose a review result.",
    "本单位有阵地，应对各阵地进行年审，不能提交零报告。": "The unit has channels: review each of them instead of filing a zero report.",
    "本单位该年度已提交零报告。": "The unit has already filed a zero report for this year.",
    "管理密码保管人须为本单位现任人员。": "The password holder must be a current appointee of the unit.",
    "修改密码日期不能晚于今天。": "The password change date cannot be in the future.",
    "该申请已办结。": "This request is closed.", "不能审批本人提交的申请。": "You cannot decide a request you submitted.",
    "同一申请的两个环节不能由同一人审批。": "The two steps of a request must be decided by different people.",
    "须由本单位负责人（党组织书记或行政负责人）审批。": "Must be decided by the unit head (Party secretary or administrative head).",
    "须由宣传部审批。": "Must be decided by the Publicity Department.",
    "开通 / 变更日期不能晚于今天。": "The opening / change date cannot be in the future.",
    "该阵地已有一项正在审批的申请，请待其办结后再提交。": "This channel already has an open request; wait until it is closed.",
    "备案申请须由具体人员提交。": "A registration request must be submitted by a person.",
    "只有备案未通过的阵地可以重新申请备案。": "Only a channel whose registration was rejected can apply again.",
    "只有在用的阵地可以报备变更。": "Only an active channel can report changes.", "请填写变更事由。": "Please give the reason for the change.",
    "字段 %(key)s 不能通过变更报备修改。": "Field %(key)s cannot be changed through a change report.",
    "没有需要报备的变更。": "Nothing has changed.", "只有在用的阵地可以申请关停。": "Only an active channel can be closed.",
    "请填写关停事由。": "Please give the reason for closing.",
    "申请中的责任人任职已变化，请退回后重新申报：": "The requested responsible people's appointments have changed; return it and apply again: ",
    "该申请已由他人处理，请刷新页面查看最新状态。": "Someone else has handled this request. Reload the page to see its state.",
    "请选择同意或不同意。": "Please choose approve or reject.", "不同意时须说明理由。": "Give a reason when rejecting.",
    "只有提交人可以撤回申请。": "Only the submitter can withdraw the request.", "该申请已办结，不能撤回。": "The request is closed and cannot be withdrawn.",
    "（无可选项）": "(no options)", "%(year)s年阵地年审与零报告": "Channel annual reviews and zero reports, %(year)s",
    "已完成 %(d)s / %(n)s 个单位": "%(d)s of %(n)s units done", "完成": "Done", "待审核": "Waiting for review",
    "未填报": "Not filed", "已提交": "Filed", "未提交": "Not filed", "未完成": "Not done", "提交零报告": "File a zero report",
    "本年度没有开设任何网站栏目、公众号等阵地的单位，也须提交零报告。":
        "A unit that ran no website section, official account or other channel this year files a zero report.",
    "名称、管理员、网址等变更及关停，须在发生后 %(n)s 天内报备；经本单位负责人同意、宣传部审核通过后生效。":
        "Changes of name, administrators, URL etc. and closures must be reported within %(n)s days; they take "
        "effect once the unit head and the Publicity Department approve.",
    "提交": "Submit", "填报安全防护": "File security measures", "重新申请备案": "Apply for registration again",
    "查看待审批申请": "Open request",
    "%(duty)s %(person)s 的任职已于 %(ended)s 结束，须在 %(due)s 前报备变更":
        "The appointment of %(duty)s %(person)s ended on %(ended)s: report the change by %(due)s",
    "（<strong>已逾期</strong>）": " (<strong>overdue</strong>)", "。": ".", "基本信息": "Basics",
    "取自任职记录": "from appointments", "备案审批中，拟定责任人：": "Registration pending; proposed responsible people:",
    "任职已结束": "Appointment ended", "未指定": "Not named", "按任职推定": "Inferred from appointments", " 或 ": " or ",
    "尚未设置": "Not set", "调整审核阶段": "Edit review stages", "增加宣传部审核阶段": "Add a Publicity Department stage",
    "二次验证": "Two-factor verification", "已开启": "On", "未开启": "Off", "最近修改密码": "Password last changed",
    "未登记": "Not recorded", "（%(n)s 天前）": " (%(n)s days ago)", "密码过期": "Password expired",
    "密码超过 %(n)s 天未修改视为过期。": "A password unchanged for more than %(n)s days counts as expired.",
    "最近填报": "Last filed", "自查": "Self-check", "学生管理员权限已取消": "Student administrator rights removed",
    "三审三校": "Three reviews, three proofreads", "舆情监测": "Opinion monitoring",
    "待宣传部审核": "Waiting for the Publicity Department", "保存年审结论": "Save the review result",
    "尚无年审记录。": "No annual reviews yet.", "填报年审自查": "File the annual self-check", "提交自查": "Submit the self-check",
    "备案与变更记录": "Registration and change history", "申请": "Request", "期限": "Deadline", "审批": "Approval",
    "逾期报备": "Reported late", "（提交即签批）": " (signed on submission)",
    "由宣传部直接登记入台账，无申请记录。": "Entered directly into the registry by the Publicity Department; no request history.",
    "网站栏目、公众号、微博、短视频账号、电子屏等": "Website sections, official accounts, Weibo, short-video accounts, screens…",
    "新开阵地备案": "Register a new channel", "导出 Excel": "Export Excel", "名称 / 账号": "Name / account",
    "有待审批申请": "Request pending", "没有符合条件的阵地。": "No matching channels.", "待我审批": "Waiting for me",
    "已等待": "Waiting", "没有待您审批的申请。": "No requests waiting for you.", "待审核的年审": "Annual reviews to conclude",
    "我提交的申请": "My requests", "无。": "None.", "范围内最近的申请": "Recent requests in my scope",
    "新开通的阵地须在开通后 %(n)s 天内备案；经本单位负责人同意、宣传部审核通过后列入台账。":
        "A new channel must be registered within %(n)s days of opening; it enters the registry once the unit "
        "head and the Publicity Department approve.",
    "切换单位": "Switch unit",
    "责任人取自本单位（及上级单位）的现任任职；如名单有误，请先在“责任体系”中维护任职。":
        "Responsible people come from the current appointments of the unit (and its parents); if the list is "
        "wrong, fix the appointments under “Responsibility” first.",
    "提交备案申请": "Submit the registration", "发生日期": "Happened on", "尚无审批意见": "No decisions yet",
    "提交审批意见": "Submit the decision", "撤回申请": "Withdraw the request", "登记内容": "Registered values",
    "变更内容": "Changes", "%(person)s（%(role)s，%(start)s起）": "%(person)s (%(role)s, from %(start)s)",
    "管理密码须由本单位现任人员保管，开启二次验证，至少每 %(n)s 天修改一次。":
        "The password must be held by a current appointee of the unit, with two-factor verification on, "
        "and changed at least every %(n)s days.",
    "按顺序逐级审核；每一阶段由持有所选任一角色的人员审核。已有审核记录的阶段不能删除。":
        "Stages are reviewed in order; each by someone holding one of its roles. A stage with decisions cannot be removed.",
    "第 %(n)s 阶段": "Stage %(n)s", "阶段": "Stage",
    "阵地备案待审批：%(unit)s“%(channel)s”%(kind)s": "Channel request to decide: %(unit)s “%(channel)s” %(kind)s",
    "（逾期报备）": " (reported late)", "年审待审核：%(channel)s（%(year)s年）": "Annual review to conclude: %(channel)s (%(year)s)",
    "请给出年审结论": "Give the review result",
    "阵地“%(channel)s”的%(duty)s%(person)s任职已结束，须报备变更":
        "Channel “%(channel)s”: the appointment of %(duty)s %(person)s has ended; report the change",
    "%(year)s年阵地年审：%(n)s 个单位尚未完成年审或零报告":
        "Channel annual review %(year)s: %(n)s units have not finished their review or zero report",
    "年内完成": "within the year", "阵地“%(channel)s”%(year)s年年审尚未填报": "Channel “%(channel)s”: %(year)s annual review not filed",
    "%(unit)s无阵地，须提交%(year)s年零报告": "%(unit)s has no channels: file the %(year)s zero report",
    "您没有提交零报告的权限。": "You are not allowed to file zero reports.", "零报告已提交。": "Zero report filed.",
    "请选择单位和年度。": "Please choose a unit and a year.", "年审自查已提交，待宣传部审核。":
        "Self-check filed; the Publicity Department will conclude it.",
    "请选择年度。": "Please choose a year.", "年审结论由宣传部作出。": "Annual review results are given by the Publicity Department.",
    "年审结论已保存。": "Review result saved.", "您没有登记阵地的权限。": "You are not allowed to register channels.",
    "已提交备案申请：%(state)s。": "Registration submitted: %(state)s.", "变更报备已提交，审批通过后生效。":
        "Change report submitted; it takes effect once approved.",
    "关停申请已提交。": "Closure request submitted.", "安全防护情况已保存。": "Security measures saved.",
    "只有宣传部可以调整审核阶段。": "Only the Publicity Department can edit review stages.", "审核阶段已更新。": "Review stages updated.",
    "已有宣传部审核阶段。": "There already is a Publicity Department stage.",
    "已增加宣传部审核阶段。": "Publicity Department stage added.",
    "您没有审批阵地备案的权限。": "You are not allowed to decide channel requests.", "审批意见已提交。": "Decision submitted.",
    "申请已撤回。": "Request withdrawn.",
})

# Pre-publication review (发布审查)
EN.update({
    "发布阵地": "Channel", "请选择": "Choose…", "正文": "Body",
    "可直接粘贴网页或 Word 中的内容；只保留段落、加粗、列表、表格和链接等安全格式。":
        "Paste from a web page or Word; only safe formatting is kept (paragraphs, bold, lists, tables, links).",
    "来源": "Source", "转载来源": "Reposted from", "拟发布时间": "Planned publication", "附件（docx、pdf、xlsx、图片）":
        "Attachments (docx, pdf, xlsx, images)", "修改说明": "Change note", "保留的附件": "Attachments to keep",
    "拟发布时间不能早于今天。": "The planned publication time cannot be before today.", "是": "Yes", "否": "No",
    "决定": "Decision", "审核意见": "Review comments", "高风险问题放行理由": "Reason to pass high-risk findings",
    "发布网址": "Published URL", "发布时间": "Published at", "通过": "Pass", "退回修改": "Returned for changes",
    "不予发布": "Not to be published", "所审版本哈希": "Hash of the reviewed version", "阶段名称": "Stage name",
    "审核身份": "Reviewing as", "审核身份说明": "Reviewing as (label)", "审查要点回答": "Checklist answers",
    "发布版本哈希": "Hash of the published version", "最近核查结果": "Last check result", "最近核查时间": "Last checked at",
    "发布记录": "Publications", "一致": "Identical", "已改动": "Changed", "已删除": "Removed", "无法核查": "Cannot check",
    "结果": "Result", "相似度": "Similarity", "页面正文": "Page text", "核查时间": "Checked at", "读取成功": "Fetched",
    "错误": "Error", "在线条目": "Live items", "失效链接": "Broken links", "未经审核": "Not reviewed",
    "失效链接数": "Broken links", "最近更新": "Last update", "超期未更新": "Not updated for too long",
    "阵地巡查": "Channel sweep", "审核中": "In review", "已通过终审": "Final review passed", "已发布": "Published",
    "原创": "Original", "转载": "Repost", "当前版本": "Current version", "当前审核阶段": "Current review stage",
    "1 起；不在审核中为 0": "From 1; 0 when not in review",
    "当前阶段可审核的角色代码，形如 ,unit_head,direct_responsible,":
        "Role codes that may review the current stage, as ,unit_head,direct_responsible,",
    "进入当前阶段": "Stage entered at", "审核时限": "Review deadline", "发布审查稿件": "Review item",
    "版本号": "Version", "正文（已净化）": "Body (sanitised)", "正文文本": "Body text", "修改人": "Edited by",
    "本版本适用的审核阶段（提交时的快照）": "Review stages for this version (snapshot at submission)",
    "内容哈希": "Content hash", "正文文本哈希": "Body text hash", "筛查规则指纹": "Screening rules fingerprint",
    "高风险问题数": "High-risk findings", "问题数": "Findings", "创建时间": "Created at", "稿件版本": "Item version",
    "图片": "Image", "文件名": "File name", "提取字数": "Characters extracted", "提取错误": "Extraction error",
    "附件": "Attachments", "位置": "Position", "规则": "Rule", "严重程度": "Severity", "原文": "Text",
    "建议": "Suggestion", "位置说明": "Location", "上下文": "Context", "筛查问题": "Screening findings",
    "高": "High", "中": "Medium", "低": "Low",
    "该稿件当前不在审核中。": "This item is not in review.", "该稿件没有待审核的阶段。": "This item has no stage waiting for review.",
    "您的账号没有关联人员，不能审核。": "Your account is not linked to a person, so you cannot review.",
    "不能审核自己提交或修改的稿件。": "You cannot review an item you submitted or edited.",
    "您已在“%(stage)s”阶段审核过该稿件，同一稿件的不同阶段须由不同的人审核。":
        "You already reviewed this item at “%(stage)s”; each stage of an item needs a different reviewer.",
    "“%(stage)s”须由%(roles)s审核，您不在其列。": "“%(stage)s” is reviewed by %(roles)s; you are not one of them.",
    "或": " or ", "已等待%(age)s": "waiting %(age)s", "，%(what)s %(when)s": ", %(what)s %(when)s",
    "已超时": "Overdue", "时限": "Deadline", "已通过终审，请发布并登记网址": "passed the final review: publish it and record the URL",
    "被退回，请修改后重新提交": "returned: edit and resubmit",
    "%(n)s分钟": ("%(n)s minute", "%(n)s minutes"), "%(n)s小时": ("%(n)s hour", "%(n)s hours"),
    "%(n)s天": ("%(n)s day", "%(n)s days"),
    "附件“%(name)s”过大（%(size).1f MB，上限 %(limit).1f MB）。":
        "Attachment “%(name)s” is too large (%(size).1f MB; the limit is %(limit).1f MB).",
    "附件“%(name)s”是空文件。": "Attachment “%(name)s” is empty.",
    "附件“%(name)s”的类型不允许（只接受 docx、pdf、xlsx、png、jpg、gif）。":
        "Attachment “%(name)s” has a type that is not allowed (only docx, pdf, xlsx, png, jpg, gif).",
    "附件“%(name)s”的内容与扩展名不符（内容像是 %(actual)s），请上传真实的 %(declared)s 文件。":
        "The content of attachment “%(name)s” does not match its extension (it looks like %(actual)s); upload a real %(declared)s file.",
    "请填写标题。": "Please enter a title.", "标题不能超过 300 字。": "The title may not exceed 300 characters.",
    "来源只能是原创或转载。": "The source must be original or repost.", "转载的稿件须注明来源。": "A repost must name its source.",
    "请填写正文。": "Please enter the body.", "附件最多 %(n)s 个。": "At most %(n)s attachments.",
    "请逐项回答审查要点：%(items)s": "Answer every checklist question: %(items)s",
    "审查要点未通过（%(items)s），不能通过，请退回修改或不予发布。":
        "The checklist fails (%(items)s): the item cannot pass; return it or refuse publication.",
    "决定只能是通过、退回修改或不予发布。": "The decision must be pass, return for changes or not to be published.",
    "退回或不予发布时须写明意见。": "Write a comment when returning or refusing.",
    "（%(name)s已于%(time)s作出“%(outcome)s”决定）": " (%(name)s decided “%(outcome)s” at %(time)s)",
    "稿件已不在审核中%(who)s，您的意见未保存。": "The item is no longer in review%(who)s; your decision was not saved.",
    "%(name)s刚刚在“%(stage)s”作出了“%(outcome)s”决定": "%(name)s just decided “%(outcome)s” at “%(stage)s”",
    "稿件刚被修改": "The item was just edited",
    "%(who)s，您看到的已不是最新状态，意见未保存。请刷新页面后再审。":
        "%(who)s; what you saw is out of date and your decision was not saved. Reload the page and review again.",
    "稿件内容已更新为新版本，您审阅的版本已失效，请刷新后审阅最新版本。":
        "The item has a new version; the one you reviewed is outdated. Reload and review the latest version.",
    "本稿有 %(n)s 个高风险问题，通过须写明理由（至少 %(min)s 字）。":
        "This item has %(n)s high-risk findings: passing it needs a reason (at least %(min)s characters).",
    "该阶段已由他人作出决定，您的意见未保存。请刷新页面查看。":
        "Someone else has decided this stage; your decision was not saved. Reload the page.",
    "发布网址须以本阵地登记的网址前缀开头：%(prefix)s": "The published URL must start with the channel's URL prefix: %(prefix)s",
    "网站栏目发布须登记网址，以便上线核查。": "A website publication needs its URL for the live check.",
    "只有提交人或本单位负责人可以登记发布。": "Only the submitter or the unit head can record the publication.",
    "该稿件已登记发布。": "This item's publication is already recorded.",
    "只有通过全部审核阶段的版本才能发布。": "Only a version that passed every review stage can be published.",
    "要发布的版本不是通过终审的版本，不能发布。": "This is not the version that passed the final review; it cannot be published.",
    "未登记发布网址，无法核查。": "No published URL recorded; nothing to check.",
    "您的账号没有关联人员，不能办理发布审查。": "Your account is not linked to a person, so you cannot use pre-publication review.",
    "该阵地没有设置审核阶段，请先在阵地台账中设置。": "This channel has no review stages; set them in the channel registry first.",
    "该阵地尚未备案通过或已关停，不能提交稿件。": "This channel is not registered or is closed; items cannot be submitted to it.",
    "稿件%(state)s，不能再修改；如需发布新内容，请重新提交。": "The item is %(state)s and can no longer be edited; submit new content as a new item.",
    "只有提交人或本单位信息员可以修改稿件。": "Only the submitter or the unit's information officer can edit the item.",
    "稿件已被他人修改或审核，请刷新页面查看最新版本后再修改。":
        "Someone else has edited or reviewed the item. Reload the page and edit the latest version.",
    "稿件当前状态为“%(state)s”，不能修改。": "The item is “%(state)s” and cannot be edited.",
    "内容没有变化，未生成新版本。": "Nothing changed; no new version was made.",
    "只有提交人或本单位信息员可以撤回稿件。": "Only the submitter or the unit's information officer can withdraw the item.",
    "稿件%(state)s，不能撤回。": "The item is %(state)s and cannot be withdrawn.", "无差异": "No differences",
    "审核队列": "Review queue", "上线核查与巡查": "Live checks and sweeps", "提交新稿件": "Submit an item",
    "高风险 %(n)s": "high risk %(n)s", "暂无稿件。": "No items.", "通过终审的版本": "Version that passed the final review",
    "差异（删除线为通过终审的原文，下划线为页面上的文字）":
        "Differences (struck through: the approved text; underlined: the text on the page)",
    "未定": "Not set", "等待审核": "Waiting for review", "未到": "Not reached",
    "正文（自动筛查结果已标注）": "Body (automatic screening findings marked)", "排版预览": "Formatted preview",
    "自动筛查：%(n)s 个问题": "Automatic screening: %(n)s findings", "，": ", ", "高风险 %(n)s 个": "%(n)s high-risk",
    "建议：": "Suggestion: ", "上下文：": "Context: ",
    "未发现问题。自动筛查不能代替人工审核。": "No findings. Automatic screening does not replace human review.",
    "大小": "Size", "已提取 %(n)s 字并筛查": "%(n)s characters extracted and screened", "审核": "Review",
    "您正在审核第 %(n)s 版（<code class=\"hash\">%(hash)s</code>），身份：%(unit)s·%(role)s":
        "You are reviewing version %(n)s (<code class=\"hash\">%(hash)s</code>) as %(unit)s·%(role)s",
    "（本稿有 %(n)s 个高风险问题，通过须写明理由）": " (this item has %(n)s high-risk findings: passing needs a reason)",
    "提交审核意见": "Submit the decision", "稿件%(state)s。": "Item %(state)s.", "登记发布": "Record publication",
    "只能发布通过终审的第 %(n)s 版（<code class=\"hash\">%(hash)s</code>）。":
        "Only version %(n)s (<code class=\"hash\">%(hash)s</code>), which passed the final review, may be published.",
    "须以 %(prefix)s 开头": "must start with %(prefix)s", "（留空为现在）": " (empty for now)", "最近结果": "Last result",
    "尚未核查": "Not checked yet", "与通过终审版本的差异": "Differences from the approved version", "立即核查": "Check now",
    "操作": "Actions", "修改（生成新版本）": "Edit (makes a new version)", "撤回": "Withdraw", "版本对比": "Compare versions",
    "审核记录（姓名与内容哈希）": "Review record (names and content hashes)", "决定 / 要点": "Decision / checklist",
    "修改": "Edit", "筛查 %(n)s 个问题": "%(n)s screening findings", "（高 %(n)s）": " (high %(n)s)", "是,否": "yes,no",
    "高风险放行理由：": "Reason for passing high risks: ", "发布": "Publication", "旧版本": "Old version",
    "新版本": "New version", "对比": "Compare", "修改说明：": "Change note: ", "（已删除）": " (removed)",
    "（新增）": " (added)", "（未变）": " (unchanged)", "无附件": "No attachments", "修改稿件": "Edit item",
    "提交稿件": "Submit item", "提交发布审查稿件": "Submit an item for pre-publication review",
    "保存后生成新版本，已有的审核意见不再适用，稿件回到第一审核阶段重新审核（一事一审）。":
        "Saving makes a new version: earlier decisions no longer apply and the item goes back to the first "
        "review stage (each item reviewed on its own).",
    "保存为新版本并重新送审": "Save as a new version and resubmit", "提交并自动筛查": "Submit and screen",
    "先审查、后公开；一事一审、全面审查": "Review before publishing; each item reviewed on its own, in full",
    "待我审核（%(n)s）": "Waiting for my review (%(n)s)", "目前没有等待您审核的稿件。": "Nothing is waiting for your review.",
    "我提交的稿件": "My items", "权限范围内的全部稿件": "All items in my scope", "标题包含": "Title contains",
    "没有符合条件的稿件。": "No matching items.", "上线核查与阵地巡查": "Live checks and channel sweeps",
    "已发布稿件": "Published items", "最近核查": "Last check", "暂无已发布稿件。": "No published items.",
    "阵地巡查（RSS / 站点地图）": "Channel sweeps (RSS / sitemap)", "巡查时间": "Swept at", "无法访问": "unreachable",
    "未知": "Unknown", "超过两周未更新": "Not updated for two weeks",
    "暂无巡查记录。登记了 RSS 或站点地图的阵地每天自动巡查。": "No sweeps yet. Channels with an RSS feed or sitemap are swept daily.",
    "…… 相同 %(n)s 段 ……": "…… %(n)s identical paragraphs ……",
    "，自动筛查发现 %(n)s 个问题（高风险 %(high)s 个），请逐条核对": "; automatic screening found %(n)s issues (%(high)s high-risk): check each one",
    "，自动筛查未发现问题": "; automatic screening found no issues", "稿件已提交%(note)s。": "Item submitted%(note)s.",
    "只有提交人或本单位信息员可以修改审核中、被退回或待发布的稿件。":
        "Only the submitter or the unit's information officer can edit an item in review, returned or awaiting publication.",
    "已生成新版本，稿件回到第一审核阶段重新审核（一事一审）。":
        "New version saved; the item goes back to the first review stage.",
    "请逐项回答审查要点并选择决定。": "Answer every checklist question and choose a decision.",
    "已记录您在“%(stage)s”的决定：%(outcome)s。": "Your decision at “%(stage)s” is recorded: %(outcome)s.",
    "已登记发布，系统将核查上线页面是否与通过终审的版本一致。":
        "Publication recorded; the live page will be checked against the approved version.",
    "稿件已撤回。": "Item withdrawn.", "稿件尚未登记发布，无法核查。": "The item's publication is not recorded yet; nothing to check.",
    "已安排上线核查，结果见下方“上线核查”。": "Live check scheduled; see “Live check” below.",
    "；建议：%(s)s": "; suggestion: %(s)s", "只有信息员（专人）可以提交发布审查稿件。":
        "Only information officers can submit items for pre-publication review.",
})

# Error pages
EN.update({
    "没有权限": "Permission denied", "返回工作台": "Back to the dashboard",
    "如需办理，请联系本单位负责人或党委宣传部。":
        "To go ahead, contact your unit head or the Party Committee's Publicity Department.",
    "页面不存在": "Page not found", "您要找的页面不存在，或不在您的权限范围内。":
        "The page does not exist, or is outside your scope.",
})

# Same Chinese, another sense (pgettext contexts)
EN.update({
    "deadline\x04截止日期": "Due date", "deadlines heading\x04截止日期": "Deadlines",
})
EN.update({
    "comments\x04意见": "Comments", "step\x04提交": "Submitted", "step\x04修改": "Edited", "step\x04发布": "Published",
})
# Dashboard items from the organisation
EN.update({
    "%(who)s 任期将于 %(date)s 届满": "The term of %(who)s ends on %(date)s", "请及时办理任免": "Arrange the appointment in time",
    "%(unit)s 尚无第一责任人": "%(unit)s has no First responsible", "请补充任职": "Add the appointment",
})
# Fixes: stale decisions, 年审 conclusions, live page
EN.update({
    "%(name)s已在“%(stage)s”作出“%(outcome)s”决定，您看到的已不是最新状态，意见未保存。请刷新页面后再审。":
        "%(name)s has already decided “%(outcome)s” at “%(stage)s”; what you saw is out of date and your decision "
        "was not saved. Reload the page and review again.",
    "稿件刚被修改，您看到的已不是最新状态，意见未保存。请刷新页面后再审。":
        "The item was just changed; what you saw is out of date and your decision was not saved. Reload the page "
        "and review again.",
    "该年审已有结论（%(result)s），不能再次作出结论。":
        "This annual review already has a result (%(result)s) and cannot be concluded again.",
    "超过%(days)s天未更新": "Not updated for more than %(days)s days",
})
# Screening in the platform (h6): live check per channel type, 涉密 policy, evidence uploads
EN.update({
    "上线核查方式": "Live check method",
    "按平台（网站抓取网页、公众号核对文章链接、其他上传截图）":
        "By platform (websites: fetch the page; WeChat: check the article link; others: upload a screenshot)",
    "公众号 __biz（文章链接中 __biz= 后的一串字符）": "WeChat __biz (the characters after __biz= in an article link)",
    "抓取网页（网址前缀内）": "Fetch the page (within the URL prefix)",
    "公众号文章链接（核对账号与正文）": "WeChat article link (check the account and the text)",
    "上传截图或网页存档比对": "Upload a screenshot or saved page to compare",
    "不核查": "No check",
    "留空按平台：网站栏目抓取网页，微信公众号核对文章链接，其他平台上传截图或网页存档":
        "Empty: by platform — websites are fetched, WeChat article links checked, other platforms proved by an "
        "uploaded screenshot or saved page",
    "公众号 __biz": "WeChat __biz",
    "__biz 是公众号文章链接中“__biz=”后的一串字母和数字，如 MzA5NzQxMjM0NQ==":
        "The __biz is the letters and digits after “__biz=” in an article link, e.g. MzA5NzQxMjM0NQ==",
    "（按平台）": " (by platform)",
    "非本账号发布": "Published by another account",
    "核查方式": "Check method",
    "截图或网页存档": "Screenshot or saved page",
    "存档文件名": "Saved file name",
    "文件“%(name)s”是空文件。": "The file “%(name)s” is empty.",
    "文件“%(name)s”过大（上限 %(limit).1f MB）。": "The file “%(name)s” is too large (limit %(limit).1f MB).",
    "只接受截图（png、jpg）、网页存档（html）或 PDF，“%(name)s”不是。":
        "Only screenshots (png, jpg), saved pages (html) or PDF are accepted; “%(name)s” is none of these.",
    "文件“%(name)s”的内容与扩展名不符。": "The content of “%(name)s” does not match its extension.",
    "发布网址须以 http:// 或 https:// 开头。": "The publication URL must start with http:// or https://.",
    "公众号文章链接须为 %(prefix)s… 的文章地址（在文章页点“复制链接”），而不是其他网址。":
        "A WeChat article link must be an article address %(prefix)s… (use “Copy link” on the article), not "
        "another URL.",
    "本阵地的核查方式是“%(kind)s”，请上传发布后的截图或网页存档。":
        "This channel is checked by “%(kind)s”: upload a screenshot or saved page of the published item.",
    "本稿有涉密标志（%(texts)s）：按制度须经宣传部审核，写明理由不能代替。":
        "This item has a secrecy marking (%(texts)s): the policy requires the Publicity Department's review; a "
        "written reason cannot replace it.",
    "本稿有涉密标志（%(texts)s）：按制度不能通过，只能退回修改（删除涉密内容）或不予发布。":
        "This item has a secrecy marking (%(texts)s): the policy does not allow approving it; return it for "
        "revision (remove the classified content) or reject it.",
    "本稿有涉密标志（%(texts)s），按制度不能通过，写明理由也不行：请退回修改（删除涉密内容后重新审核）或不予发布。":
        "This item has a secrecy marking (%(texts)s); the policy does not allow approving it, not even with a "
        "reason: return it for revision (remove the classified content and review again) or reject it.",
    "本稿有涉密标志（%(texts)s），按制度须经宣传部审核，本审核链没有宣传部阶段，不能通过：请退回修改，修改后的版本会加上宣传部审核。":
        "This item has a secrecy marking (%(texts)s); the policy requires the Publicity Department's review and "
        "this chain has no such stage, so it cannot be approved: return it for revision — the revised version "
        "gets a Publicity Department stage.",
    "核查方式：": "Check method: ",
    "上传发布后的截图或网页存档（png、jpg、html、pdf），与通过终审的版本比对":
        "Upload a screenshot or saved page of the published item (png, jpg, html, pdf) to compare with the "
        "approved version",
    "上传并核查": "Upload and check",
    "未经核查的发布：%(n)s 篇": ("Publications not checked: %(n)s", "Publications not checked: %(n)s"),
    "没有任何一次核查看到过发布后的内容（从未核查，或每次都“无法核查”）。网站栏目和公众号可“立即核查”；其他平台请在稿件页上传截图或网页存档。":
        "No check has seen the published item (never checked, or every check “could not check”). Websites and "
        "WeChat articles can be checked now; for other platforms upload a screenshot or saved page on the item's "
        "page.",
    "情况": "Status",
    "未登记网址": "No URL registered",
    "请先登记发布，并选择发布后的截图或网页存档。": "Register the publication first and choose a screenshot or saved page.",
    "已核查上传的文件：%(result)s。": "The uploaded file was checked: %(result)s.",
})
# h2 platform seams: notification kinds of the registry notices
EN.update({
    "阵地备案": "Channel registration",
})
