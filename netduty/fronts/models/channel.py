"""阵地台账: every outlet the institution publishes through, and its review stages."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    WEBSITE = "website", _("网站栏目")
    WECHAT = "wechat", _("微信公众号")
    WEIBO = "weibo", _("微博")
    DOUYIN = "douyin", _("抖音")
    CHANNELS = "channels", _("视频号")
    BILIBILI = "bilibili", _("哔哩哔哩")
    ESCREEN = "escreen", _("电子屏")
    OTHER = "other", _("其他")


class LiveCheckKind(models.TextChoices):
    """How a publication on the channel is proved to be the approved item (review live check)."""

    PAGE = "page", _("抓取网页（网址前缀内）")
    WECHAT = "wechat", _("公众号文章链接（核对账号与正文）")
    CAPTURE = "capture", _("上传截图或网页存档比对")
    NONE = "none", _("不核查")


# Without an explicit choice: websites are fetched, WeChat articles checked by link, and every
# platform that cannot be fetched from the campus network is proved by a screenshot or saved page.
DEFAULT_LIVE_CHECK = {"website": LiveCheckKind.PAGE, "wechat": LiveCheckKind.WECHAT}
BIZ_RE = r"^[A-Za-z0-9+/_-]{4,62}={0,2}$"


class Tier(models.TextChoices):
    SCHOOL = "1", _("一级（学校）")
    UNIT = "2", _("二级（学院、部门）")
    GRASSROOTS = "3", _("三级（班级、社团）")


class ChannelStatus(models.TextChoices):
    PENDING = "pending", _("备案审批中")
    ACTIVE = "active", _("在用")
    REJECTED = "rejected", _("备案未通过")
    CLOSED = "closed", _("已关停")


class Channel(models.Model):
    unit = models.ForeignKey("org.Unit", verbose_name=_("主办单位"), on_delete=models.PROTECT, related_name="channels")
    platform = models.CharField(_("平台"), max_length=16, choices=Platform.choices)
    name = models.CharField(_("名称"), max_length=200)
    account_id = models.CharField(_("账号 / 标识"), max_length=200, blank=True)
    url = models.URLField(_("网址"), max_length=500, blank=True)
    url_prefix = models.URLField(_("网址前缀"), max_length=500, blank=True,
                                 help_text=_("核查抓取只允许访问此前缀下的网址"))
    feed_url = models.URLField(_("RSS / 站点地图"), max_length=500, blank=True)
    live_check = models.CharField(_("上线核查方式"), max_length=16, choices=LiveCheckKind.choices, blank=True,
                                  help_text=_("留空按平台：网站栏目抓取网页，微信公众号核对文章链接，其他平台上传截图或网页存档"))
    wechat_biz = models.CharField(_("公众号 __biz"), max_length=64, blank=True, validators=[RegexValidator(
        BIZ_RE, _("__biz 是公众号文章链接中“__biz=”后的一串字母和数字，如 MzA5NzQxMjM0NQ=="))])
    tier = models.CharField(_("层级"), max_length=1, choices=Tier.choices, default=Tier.UNIT)
    status = models.CharField(_("状态"), max_length=16, choices=ChannelStatus.choices, default=ChannelStatus.PENDING)
    verified_entity = models.CharField(_("认证主体"), max_length=200, blank=True)
    opened_on = models.DateField(_("开通日期"), null=True, blank=True)
    followers = models.PositiveIntegerField(_("关注数"), null=True, blank=True)
    registered_on = models.DateField(_("备案日期"), null=True, blank=True)
    closed_on = models.DateField(_("关停日期"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["unit__path", "tier", "name"]
        verbose_name = _("阵地")
        verbose_name_plural = _("阵地")
        constraints = [
            models.UniqueConstraint(fields=["platform", "account_id"], condition=~models.Q(account_id=""),
                                    name="fronts_channel_platform_account"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def check_kind(self) -> str:
        """The live check that applies: the registry's choice, else the platform's default."""
        return self.live_check or DEFAULT_LIVE_CHECK.get(self.platform, LiveCheckKind.CAPTURE)

    @property
    def check_kind_label(self) -> str:
        return str(LiveCheckKind(self.check_kind).label)


class ChannelStage(models.Model):
    """One step of a channel's review chain: stage `order` is decided by someone holding one of
    `roles` (policy role codes) on the channel's unit (or school-wide for an added 宣传部 stage)."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField(_("顺序"))
    code = models.SlugField(_("代码"), max_length=32)
    name = models.CharField(_("名称"), max_length=50)
    roles = models.JSONField(_("可审核角色"), default=list)

    class Meta:
        ordering = ["channel", "order"]
        verbose_name = _("审核阶段")
        verbose_name_plural = _("审核阶段")
        constraints = [models.UniqueConstraint(fields=["channel", "order"], name="fronts_stage_channel_order")]

    def __str__(self) -> str:
        return f"{self.channel} · {self.name}"


class Duty(models.TextChoices):
    LEADER = "leader", _("分管领导")
    DEPARTMENT = "department", _("负责部门")
    ADMIN = "admin", _("专人 / 管理员")


class ChannelResponsible(models.Model):
    """Who answers for a channel: an appointment (person, unit, role, dates), never a typed name.
    Set by an approved registration or change request."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="responsibles")
    duty = models.CharField(_("职责"), max_length=16, choices=Duty.choices)
    appointment = models.ForeignKey("org.Appointment", verbose_name=_("任职"), on_delete=models.PROTECT,
                                    related_name="channel_duties")

    class Meta:
        ordering = ["channel", "duty", "id"]
        verbose_name = _("阵地责任人")
        verbose_name_plural = _("阵地责任人")
        constraints = [models.UniqueConstraint(fields=["channel", "duty", "appointment"],
                                               name="fronts_responsible_once")]

    def __str__(self) -> str:
        return f"{self.channel} · {self.get_duty_display()} · {self.appointment}"
