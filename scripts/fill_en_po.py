"""Fill netduty/locale/en/LC_MESSAGES/django.po from the glossary below (run after makemessages)."""

import re
import sys
from pathlib import Path

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
    "用户名或密码不正确，请重新输入。": "Wrong user name or password. Please try again.", "用户名": "User name",
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


def main(path: str) -> int:
    text = Path(path).read_text(encoding="utf-8")
    missing = []

    def single(m):
        msgid = m.group(1)
        value = EN.get(msgid)
        if value is None or isinstance(value, tuple):
            missing.append(msgid)
            return m.group(0)
        return f'msgid "{msgid}"\nmsgstr "{value}"'

    text = re.sub(r'msgid "((?:[^"\\]|\\.)+)"\nmsgstr ""', single, text)

    def plural(m):
        msgid = m.group(1)
        value = EN.get(msgid)
        if not isinstance(value, tuple):
            missing.append(msgid)
            return m.group(0)
        return f'msgid "{msgid}"\nmsgid_plural "{m.group(2)}"\nmsgstr[0] "{value[0]}"\nmsgstr[1] "{value[1]}"'

    text = re.sub(r'msgid "([^"]+)"\nmsgid_plural "([^"]+)"\nmsgstr\[0\] ""\nmsgstr\[1\] ""', plural, text)
    text = text.replace("#, fuzzy\n", "", 1)
    Path(path).write_text(text, encoding="utf-8")
    if missing:
        print("untranslated:", missing)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "netduty/locale/en/LC_MESSAGES/django.po"))
