"""Bot API methods about the bot itself: identity, updates, webhook, commands, settings."""

from __future__ import annotations

import json
import re
from typing import Any

from . import errors
from .errors import ApiError
from .params import Params
from .registry import MethodTable
from .world import World

methods = MethodTable()
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")


@methods.register("getMe")
async def get_me(world: World, p: Params) -> dict[str, Any]:
    return world.bot.to_json() | {
        "can_join_groups": True,
        "can_read_all_group_messages": not world.privacy_mode,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@methods.register("getUpdates")
async def get_updates(world: World, p: Params) -> list[dict[str, Any]]:
    if world.settings.get("webhook", {}).get("url"):
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    allowed = p.get_json("allowed_updates")
    return await world.updates.poll(
        offset=p.get_int("offset"),
        limit=p.get_int("limit", default=100) or 100,
        timeout=_seconds(p.get_str("timeout")),
        allowed_updates=list(allowed) if isinstance(allowed, list) else None,
    )


def _seconds(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        raise errors.bad_request("invalid timeout specified") from None


@methods.register("setWebhook")
async def set_webhook(world: World, p: Params) -> bool:
    # Stored only: the fake never calls out, so webhook mode can be configured but not driven.
    world.settings["webhook"] = {
        "url": p.req_str("url"),
        "secret_token": p.get_str("secret_token"),
        "allowed_updates": p.get_json("allowed_updates"),
        "max_connections": p.get_int("max_connections", default=40),
    }
    if p.get_bool("drop_pending_updates"):
        world.updates.drop_pending()
    return True


@methods.register("deleteWebhook")
async def delete_webhook(world: World, p: Params) -> bool:
    world.settings.pop("webhook", None)
    if p.get_bool("drop_pending_updates"):
        world.updates.drop_pending()
    return True


@methods.register("getWebhookInfo")
async def get_webhook_info(world: World, p: Params) -> dict[str, Any]:
    webhook = world.settings.get("webhook") or {}
    info: dict[str, Any] = {
        "url": webhook.get("url", ""),
        "has_custom_certificate": False,
        "pending_update_count": world.updates.pending_count(),
    }
    if webhook:
        info["max_connections"] = webhook.get("max_connections", 40)
        if webhook.get("allowed_updates"):
            info["allowed_updates"] = webhook["allowed_updates"]
    return info


@methods.register("logOut")
@methods.register("close")
async def log_out(world: World, p: Params) -> bool:
    return True


def scope_key(scope: Any) -> str:
    """A canonical key for a BotCommandScope: Telegram stores commands per exact scope."""
    if not scope:
        scope = {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise errors.bad_request("can't parse BotCommandScope")
    normal = dict(scope)
    for field in ("chat_id", "user_id"):
        if field in normal and str(normal[field]).lstrip("-").isdigit():
            normal[field] = int(normal[field])
    return json.dumps(normal, sort_keys=True)


@methods.register("setMyCommands")
async def set_my_commands(world: World, p: Params) -> bool:
    commands = p.get_json("commands") or []
    if not isinstance(commands, list) or len(commands) > 100:
        raise errors.bad_request("can't parse commands")
    for command in commands:
        if not _COMMAND_NAME.match(str(command.get("command", ""))):
            raise errors.bad_request("BOT_COMMAND_INVALID")
        description = str(command.get("description", "")).strip()
        if not description:
            raise errors.bad_request("command description must be non-empty")
        if len(description) > 256:
            raise errors.bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    key = (scope_key(p.get_json("scope")), p.get_str("language_code") or "")
    world.commands[key] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


@methods.register("getMyCommands")
async def get_my_commands(world: World, p: Params) -> list[dict[str, Any]]:
    key = (scope_key(p.get_json("scope")), p.get_str("language_code") or "")
    return world.commands.get(key, [])


@methods.register("deleteMyCommands")
async def delete_my_commands(world: World, p: Params) -> bool:
    key = (scope_key(p.get_json("scope")), p.get_str("language_code") or "")
    world.commands.pop(key, None)
    return True


def _stored_setting(name: str, field: str) -> None:
    """setMyName/getMyName and friends: kept per language so tests can inspect them."""

    @methods.register(f"setMy{name}")
    async def setter(world: World, p: Params) -> bool:
        world.settings[f"{field}:{p.get_str('language_code') or ''}"] = p.get_str(field) or ""
        return True

    @methods.register(f"getMy{name}")
    async def getter(world: World, p: Params) -> dict[str, Any]:
        return {field: world.settings.get(f"{field}:{p.get_str('language_code') or ''}", "")}


_stored_setting("Name", "name")
_stored_setting("Description", "description")
_stored_setting("ShortDescription", "short_description")


@methods.register("setChatMenuButton")
async def set_chat_menu_button(world: World, p: Params) -> bool:
    world.settings[f"menu_button:{p.get_str('chat_id') or ''}"] = p.get_json("menu_button")
    return True


@methods.register("getChatMenuButton")
async def get_chat_menu_button(world: World, p: Params) -> dict[str, Any]:
    stored = world.settings.get(f"menu_button:{p.get_str('chat_id') or ''}")
    return stored or {"type": "commands"}


@methods.register("setMyDefaultAdministratorRights")
async def set_default_admin_rights(world: World, p: Params) -> bool:
    world.settings["default_administrator_rights"] = p.get_json("rights")
    return True
