import uuid

from .request_context import reset_request_meta, set_request_meta


class RequestIdMiddleware:
    """Gives every request an id (echoed as X-Request-ID) that audit events carry."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if incoming and len(incoming) <= 64 and incoming.isascii() else uuid.uuid4().hex
        request.request_id = request_id
        token = set_request_meta({"request_id": request_id, "ip": request.META.get("REMOTE_ADDR", "")})
        try:
            response = self.get_response(request)
        finally:
            reset_request_meta(token)
        response["X-Request-ID"] = request_id
        return response


class ChineseFirstLocaleMiddleware:
    """zh-Hans unless the person chose another language (the set_language cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; on a campus where
    every document is Chinese, the UI stays Chinese until someone switches it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class ApiDocsCspMiddleware:
    """The API's browsable pages (DRF, Swagger UI) set inline styles; allow inline *styles* (never
    scripts) there only. Listed after Django's CSP middleware so it runs first on the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if request.path.startswith("/api/") and content_type.startswith("text/html"):
            from django.conf import settings
            from django.utils.csp import CSP

            config = dict(settings.SECURE_CSP)
            config["style-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
            response._csp_config = config
        return response
