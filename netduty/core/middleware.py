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
