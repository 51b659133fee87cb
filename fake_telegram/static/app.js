// The sandbox page's chat: act as one person of the fake Telegram world.
// Talks only to /_control/ on the same server (the guide, guide.js, to /_demo/). All text
// reaches the page through DOM text nodes (never innerHTML), so whatever people or the bot
// write is shown, not interpreted.
"use strict";

const stored = (key, fallback) => {
  const value = localStorage.getItem(`sandbox.${key}`);
  return value === null ? fallback : JSON.parse(value);
};
const store = (key, value) => localStorage.setItem(`sandbox.${key}`, JSON.stringify(value));

const state = {
  world: null,                // GET /_control/state
  me: stored("me", null),     // user id of the person acting; survives a reload
  chatId: stored("chat", null),
  threadId: null,             // forum topic, or null for all topics
  replyTo: null,              // message id
  seq: 0,                     // highest change seen; /messages?since=seq returns newer changes
  messages: new Map(),
  seen: stored("seen", {}),   // "person:chat" -> highest `created` that person has seen there
  stick: true,                // keep the view at the newest message
  botUsername: "",
  listeners: [],              // called after new messages arrive (guide.js)
};
const $ = (id) => document.getElementById(id);
const t = (...args) => i18n.t(...args);

async function api(path, options = {}) {
  const response = await fetch(path.startsWith("/") ? path : `/_control/${path}`, options);
  const isJson = (response.headers.get("content-type") || "").includes("json");
  const body = isJson ? await response.json() : null;
  if (!response.ok) throw new Error((body && body.error) || response.statusText);
  return body;
}

function post(path, body) {
  return api(path, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  node.append(...children);  // strings become text nodes: safe
  return node;
}

function toast(text) {
  const box = $("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 4000);
}

function userName(id) {
  const users = (state.world && state.world.users) || [];
  const user = users.find((u) => u.id === id);
  if (user) return user.first_name;
  if (state.world && state.world.bot.id === id) return state.world.bot.first_name;
  return String(id);
}

// ----- who, and which chats ------------------------------------------------------------

function chatsOf(person) {
  const groups = state.world.chats.filter((c) => c.type !== "private" &&
    ["creator", "administrator", "member"].includes(c.members[String(person)]));
  const bot = state.world.bot;
  const own = { id: person, type: "private", title: `${bot.first_name} (${t("privateChat")})`, topics: [] };
  return [...groups.sort((a, b) => a.id - b.id), own];
}

function unread(person, chatId) {
  const since = state.seen[`${person}:${chatId}`] || 0;
  let count = 0;
  for (const view of state.messages.values()) {
    if (view.chat_id === chatId && view.created > since && !view.service &&
        (view.message.from || {}).id !== person) count += 1;
  }
  return count;
}

function unreadOf(person) {
  return chatsOf(person).reduce((sum, chat) => sum + unread(person, chat.id), 0);
}

function markSeen() {
  const key = `${state.me}:${state.chatId}`;
  let top = state.seen[key] || 0;
  for (const view of state.messages.values()) {
    if (view.chat_id === state.chatId) top = Math.max(top, view.created);
  }
  if (top !== state.seen[key]) { state.seen[key] = top; store("seen", state.seen); }
}

function become(person, chatId = null) {
  state.me = person;
  state.replyTo = null;
  store("me", person);
  if (chatId !== null) openChat(chatId); else render();
}

function openChat(chatId) {
  state.chatId = chatId;
  state.threadId = null;
  state.replyTo = null;
  state.stick = true;
  store("chat", chatId);
  render();
}

async function refreshWorld() {
  state.world = await api("state");
  const ids = state.world.users.map((u) => u.id);
  if (!ids.includes(state.me)) state.me = ids[0];
  renderChats();
}

function badge(count) {
  return count ? el("span", { class: "badge", title: t("unread", count) }, t("unread", count)) : "";
}

function renderChats() {
  const chats = chatsOf(state.me);
  if (!chats.some((c) => c.id === state.chatId)) {
    state.chatId = chats[0].id;
    state.threadId = null;
  }
  $("chats").replaceChildren(...chats.map((chat) => el("li", {},
    el("button", {
      type: "button", class: chat.id === state.chatId ? "active" : "",
      onclick: () => openChat(chat.id),
    }, el("span", {}, chat.title), badge(chat.id === state.chatId ? 0 : unread(state.me, chat.id))))));
  const current = chats.find((c) => c.id === state.chatId);
  $("chat-title").textContent = current.title;
  const topics = current.topics || [];
  $("topic-picker").hidden = topics.length === 0;
  $("topic").replaceChildren(el("option", { value: "", textContent: t("topicAll") }),
    ...topics.map((tp) => el("option", { value: String(tp.thread_id), textContent: tp.name })));
  $("topic").value = state.threadId ? String(state.threadId) : "";
  if (window.guide) { window.guide.renderCast(); window.guide.renderGuide(); }
}

// ----- messages ------------------------------------------------------------------------

async function pollMessages() {
  const changed = await api(`messages?since=${state.seq}`);
  for (const view of changed) {
    state.messages.set(`${view.chat_id}:${view.message_id}`, view);
    state.seq = Math.max(state.seq, view.seq);
  }
  if (changed.length) {
    renderMessages();
    renderChats();
    for (const listener of state.listeners) listener(changed);
  }
}

const TAGS = {
  bold: "strong", italic: "em", underline: "u", strikethrough: "s", code: "code", pre: "pre",
  spoiler: "span", blockquote: "blockquote", expandable_blockquote: "blockquote",
  text_link: "a", url: "a",
};

function safeHref(url) {
  return /^(https?:|tg:)/i.test(url || "") ? url : null;
}

// A t.me link to this bot with ?start=: on Telegram it opens the private chat and sends /start.
function deepLinkPayload(href) {
  const match = /^https?:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]+)/.exec(href || "");
  return match && match[1].toLowerCase() === state.botUsername.toLowerCase() ? match[2] : null;
}

function link(href, ...children) {
  const payload = deepLinkPayload(href);
  if (payload !== null) {
    return el("a", { href, class: "deep-link", onclick: (e) => { e.preventDefault(); chooseOpener(payload); } }, ...children);
  }
  return el("a", { href, target: "_blank", rel: "noopener noreferrer" }, ...children);
}

function chooseOpener(payload) {
  const dialog = $("link-dialog");
  const cast = window.guide ? window.guide.cast : [];
  const people = [...cast].sort((a, b) => (a.user_id === state.me ? -1 : b.user_id === state.me ? 1 : 0));
  $("link-choices").replaceChildren(...people.map((p) => el("button", {
    type: "button", class: payload.startsWith("coach_") && p.role === "coach" ? "primary" : "",
    onclick: async () => {
      dialog.close();
      try {
        await post(`users/${p.user_id}/start`, { payload });
        become(p.user_id, p.user_id);
        await pollMessages();
      } catch (error) { toast(error.message); }
    },
  }, `${p.first_name} (${t(`role_${p.role}`)})`)));
  dialog.showModal();
}

// Entity offsets are UTF-16 code units, which is exactly how JavaScript indexes strings.
function renderText(text, entities) {
  const fragment = document.createDocumentFragment();
  if (!text) return fragment;
  const styled = (entities || []).filter((e) => TAGS[e.type]);
  const cuts = new Set([0, text.length]);
  for (const e of styled) {
    cuts.add(e.offset);
    cuts.add(Math.min(text.length, e.offset + e.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(start, end));
    for (const e of styled) {
      if (e.offset <= start && e.offset + e.length >= end) {
        const href = safeHref(e.type === "url" ? text.slice(e.offset, e.offset + e.length) : e.url);
        const wrapper = TAGS[e.type] === "a" && href ? link(href) : el(TAGS[e.type] === "a" ? "span" : TAGS[e.type], { class: e.type });
        wrapper.append(node);
        node = wrapper;
      }
    }
    fragment.append(node);
  }
  return fragment;
}

function serviceText(message) {
  if (message.new_chat_members) return t("joined", message.new_chat_members.map((u) => u.first_name).join(", "));
  if (message.left_chat_member) return t("left", message.left_chat_member.first_name);
  if (message.forum_topic_created) return `Topic: ${message.forum_topic_created.name}`;
  return null;
}

function keepAtBottom() {
  if (state.stick) $("messages").scrollTop = $("messages").scrollHeight;
}

function renderMedia(view) {
  const message = view.message;
  const src = `/_control/files/${encodeURIComponent(view.file_id)}`;
  if (view.media === "photo") return el("img", { src, alt: "photo", class: "media", onload: keepAtBottom });
  if (["video", "animation", "video_note"].includes(view.media)) {
    const info = message[view.media] || {};
    return el("div", { class: "media" },
      el("video", { src, controls: true, preload: "metadata", onloadedmetadata: keepAtBottom }),
      el("small", {}, `${view.media}, ${info.duration || 0}s, ${info.width || info.length || 0}px`));
  }
  const doc = message.document || {};
  return el("a", { href: src, download: doc.file_name || "file", class: "media" },
    `${doc.file_name || "document"} (${doc.mime_type || "?"})`);
}

async function press(view, button) {
  try {
    const result = await post("click", {
      user_id: state.me, chat_id: view.chat_id, message_id: view.message_id,
      button: button.callback_data,
    });
    // The bot answers the callback query shortly; show its answer like Telegram's toast.
    for (const wait of [300, 700, 1500]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const answer = await api(`callback_queries/${encodeURIComponent(result.callback_query_id)}`);
      if (answer.answered) {
        if (answer.answer && answer.answer.text) toast(answer.answer.text);
        return;
      }
    }
  } catch (error) {
    toast(error.message);
  }
}

function renderKeyboard(view) {
  const rows = (view.reply_markup && view.reply_markup.inline_keyboard) || [];
  return rows.map((row) => el("div", { class: "keyboard-row" }, ...row.map((button) => {
    const href = safeHref(button.url);
    if (href) return link(href, button.text);
    return el("button", {
      type: "button", class: "key", disabled: view.deleted || !button.callback_data,
      onclick: () => press(view, button),
    }, button.text);
  })));
}

function renderMessage(view) {
  const message = view.message;
  const service = serviceText(message);
  if (service) return el("li", { class: "service" }, service);
  const sender = (message.from && message.from.id) || 0;
  const kind = view.from_bot ? "bot" : sender === state.me ? "mine" : "other";
  const time = new Date(message.date * 1000).toLocaleTimeString(i18n.lang === "nl" ? "nl-NL" : "en-GB", { hour: "2-digit", minute: "2-digit" });
  const header = el("div", { class: "meta" },
    el("strong", {}, userName(sender)), ` · ${time} · #${view.message_id}`,
    view.edited ? ` · ${t("edited")}` : "", view.delivered ? "" : ` · ${t("notDelivered")}`);
  const item = el("li", { class: `message ${kind}${view.deleted ? " deleted" : ""}`, id: `m-${view.message_id}` }, header);
  if (view.reply_to) {
    const target = state.messages.get(`${view.chat_id}:${view.reply_to}`);
    const quoted = target ? (target.text || target.media || "") : `#${view.reply_to}`;
    item.append(el("div", { class: "quote" }, `${t("reply")}: ${quoted.slice(0, 80)}`));
  }
  if (view.media) item.append(renderMedia(view));
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  item.append(el("div", { class: "text" }, renderText(view.text || "", entities)));
  item.append(...renderKeyboard(view));
  if (view.deleted) item.append(el("div", { class: "meta" }, t("deleted")));
  item.append(el("button", {
    type: "button", class: "reply", title: t("reply"), textContent: t("reply"),
    onclick: () => { state.replyTo = view.message_id; renderReplyBar(); $("text").focus(); },
  }));
  return item;
}

// A message is drawn again only when it changed (or who reads, or the language): redrawing
// every message on each poll would reload its pictures and move the view.
const drawn = new Map();

function messageNode(view) {
  const key = `${view.chat_id}:${view.message_id}`;
  const version = `${view.seq}:${state.me}:${i18n.lang}`;
  const known = drawn.get(key);
  if (known && known.version === version) return known.node;
  const node = renderMessage(view);
  drawn.set(key, { version, node });
  return node;
}

function renderMessages() {
  const list = $("messages");
  const shown = [...state.messages.values()]
    .filter((v) => v.chat_id === state.chatId)
    .filter((v) => state.threadId === null || v.thread_id === state.threadId)
    .sort((a, b) => a.created - b.created);
  list.replaceChildren(...shown.map(messageNode));
  keepAtBottom();
  markSeen();
}

function renderReplyBar() {
  $("reply-bar").hidden = state.replyTo === null;
  $("reply-label").textContent = state.replyTo === null ? "" : t("replyTo", state.replyTo);
}

function render() {
  renderChats();
  renderMessages();
  renderReplyBar();
}

// ----- acting --------------------------------------------------------------------------

async function sendText(event) {
  event.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  try {
    if (state.chatId === state.me && text.startsWith("/start")) {
      await post(`users/${state.me}/start`, { payload: text.slice(6).trim() || null });
    } else {
      await post("messages", {
        user_id: state.me, chat_id: state.chatId, text,
        thread_id: state.threadId, reply_to: state.replyTo,
      });
    }
    $("text").value = "";
    state.replyTo = null;
    state.stick = true;
    renderReplyBar();
    await pollMessages();
  } catch (error) {
    toast(error.message);
  }
}

async function upload(event) {
  event.preventDefault();
  const file = $("file").files[0];
  if (!file) { toast(t("chooseFile")); return; }
  const meta = {
    user_id: state.me, chat_id: state.chatId, kind: $("kind").value,
    caption: $("caption").value || null, mime_type: file.type || null, file_name: file.name,
    thread_id: state.threadId, reply_to: state.replyTo,
  };
  const form = new FormData();
  form.append("meta", JSON.stringify(meta));
  form.append("file", file, file.name);
  try {
    await api("media", { method: "POST", body: form });
    $("file").value = "";
    $("caption").value = "";
    await pollMessages();
  } catch (error) {
    toast(error.message);
  }
}

async function refreshStatus() {
  const stats = await api("updates");
  $("status").textContent = stats.waiting ? t("listening") : t("pending", stats.pending);
}

function translatePage() {
  document.documentElement.lang = i18n.lang;
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  $("text").placeholder = t("placeholder");
  $("caption").placeholder = t("caption");
  for (const lang of ["nl", "en"]) $(`lang-${lang}`).setAttribute("aria-pressed", String(i18n.lang === lang));
}

function loop(fn, ms) {
  const tick = () => fn().catch((error) => { $("status").textContent = error.message; })
    .finally(() => setTimeout(tick, ms));
  tick();
}

function start() {
  $("topic").addEventListener("change", () => {
    state.threadId = $("topic").value ? Number($("topic").value) : null;
    renderMessages();
  });
  // Only the reader's own scrolling unsticks the view from the newest message; a scroll that
  // layout causes (a picture loading, a redraw) never does.
  const list = $("messages");
  const nearBottom = () => list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  let reading = 0;
  for (const kind of ["wheel", "touchstart", "keydown", "mousedown"]) {
    list.addEventListener(kind, () => { reading = Date.now(); }, { passive: true });
  }
  list.addEventListener("scroll", () => {
    if (nearBottom()) state.stick = true;
    else if (Date.now() - reading < 1500) state.stick = false;
  });
  $("reply-cancel").addEventListener("click", () => { state.replyTo = null; renderReplyBar(); });
  $("composer").addEventListener("submit", sendText);
  $("uploader").addEventListener("submit", upload);
  for (const lang of ["nl", "en"]) {
    $(`lang-${lang}`).addEventListener("click", () => { i18n.set(lang); translatePage(); render(); if (window.guide) window.guide.render(); });
  }
  translatePage();
  // The free-play group and the private chats are made now, in this page's language.
  post("/_demo/prepare", { language: i18n.lang }).catch(() => {}).then(refreshWorld).then(() => {
    loop(pollMessages, 700);
    loop(refreshWorld, 3000);
    loop(refreshStatus, 2000);
  }).catch((error) => toast(error.message));
}

start();
