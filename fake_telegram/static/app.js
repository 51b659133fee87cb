// The sandbox page: act as one member of the fake Telegram world.
// Talks only to /_control/ on the same server. All text reaches the page through DOM text
// nodes (never innerHTML), so whatever people or the bot write is shown, not interpreted.
"use strict";

const state = {
  world: null,       // GET /_control/state
  me: null,          // user id of the person acting
  chatId: null,
  threadId: null,    // forum topic, or null for all topics
  replyTo: null,     // message id
  seq: 0,            // highest change seen; /messages?since=seq returns only newer changes
  messages: new Map(),
};
const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const response = await fetch(`/_control/${path}`, options);
  const isJson = (response.headers.get("content-type") || "").includes("json");
  const body = isJson ? await response.json() : null;
  if (!response.ok) throw new Error((body && body.error) || response.statusText);
  return body;
}

function post(path, body) {
  return api(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
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

// ----- world and chats -----------------------------------------------------------------

async function refreshWorld() {
  state.world = await api("state");
  const who = $("who");
  const chosen = state.me;
  who.replaceChildren(...state.world.users.map((u) =>
    el("option", { value: String(u.id), textContent: `${u.first_name} (${u.id})` })));
  state.me = chosen || (state.world.users[0] && state.world.users[0].id);
  who.value = String(state.me);
  renderChats();
}

function myChats() {
  const chats = state.world.chats.filter((c) => c.type !== "private" &&
    ["creator", "administrator", "member"].includes(c.members[String(state.me)]));
  const bot = state.world.bot;
  return [...chats, { id: state.me, type: "private", title: `${bot.first_name} (privé)`, topics: [] }];
}

function renderChats() {
  const chats = myChats();
  if (!chats.some((c) => c.id === state.chatId)) {
    state.chatId = chats[0].id;
    state.threadId = null;
  }
  $("chats").replaceChildren(...chats.map((chat) => el("li", {},
    el("button", {
      type: "button",
      class: chat.id === state.chatId ? "active" : "",
      textContent: chat.title,
      onclick: () => { state.chatId = chat.id; state.threadId = null; state.replyTo = null; render(); },
    }))));
  const current = chats.find((c) => c.id === state.chatId);
  $("chat-title").textContent = current.title;
  const topics = current.topics || [];
  $("topic-picker").hidden = topics.length === 0;
  $("topic").replaceChildren(el("option", { value: "", textContent: "Alle / General" }),
    ...topics.map((t) => el("option", { value: String(t.thread_id), textContent: t.name })));
  $("topic").value = state.threadId ? String(state.threadId) : "";
}

// ----- messages ----------------------------------------------------------------------

async function pollMessages() {
  const changed = await api(`messages?since=${state.seq}`);
  for (const view of changed) {
    state.messages.set(`${view.chat_id}:${view.message_id}`, view);
    state.seq = Math.max(state.seq, view.seq);
  }
  if (changed.length) renderMessages();
}

const TAGS = {
  bold: "strong", italic: "em", underline: "u", strikethrough: "s", code: "code", pre: "pre",
  spoiler: "span", blockquote: "blockquote", expandable_blockquote: "blockquote",
  text_link: "a", url: "a",
};

function safeHref(url) {
  return /^(https?:|tg:)/i.test(url || "") ? url : null;
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
        const wrapper = el(TAGS[e.type], { class: e.type });
        const href = safeHref(e.type === "url" ? text.slice(e.offset, e.offset + e.length) : e.url);
        if (wrapper.tagName === "A" && href) {
          wrapper.href = href;
          wrapper.target = "_blank";
          wrapper.rel = "noopener noreferrer";
        }
        wrapper.append(node);
        node = wrapper;
      }
    }
    fragment.append(node);
  }
  return fragment;
}

function serviceText(message) {
  if (message.new_chat_members) {
    return `${message.new_chat_members.map((u) => u.first_name).join(", ")} joined`;
  }
  if (message.left_chat_member) return `${message.left_chat_member.first_name} left`;
  if (message.forum_topic_created) return `Topic created: ${message.forum_topic_created.name}`;
  return null;
}

function renderMedia(view) {
  const message = view.message;
  const src = `/_control/files/${encodeURIComponent(view.file_id)}`;
  if (view.media === "photo") return el("img", { src, alt: "photo", class: "media" });
  if (["video", "animation", "video_note"].includes(view.media)) {
    const info = message[view.media] || {};
    return el("div", { class: "media" },
      el("video", { src, controls: true, preload: "metadata" }),
      el("small", {}, `${view.media}, ${info.duration || 0}s, ${info.width || info.length || 0}px`));
  }
  const doc = message.document || {};
  return el("a", { href: src, download: doc.file_name || "file", class: "media" },
    `📎 ${doc.file_name || "document"} (${doc.mime_type || "?"})`);
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
    if (href) {
      return el("a", { href, target: "_blank", rel: "noopener noreferrer", class: "key" }, button.text);
    }
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
  const time = new Date(message.date * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const header = el("div", { class: "meta" },
    el("strong", {}, userName(sender)), ` · ${time} · #${view.message_id}`,
    view.edited ? " · bewerkt" : "", view.delivered ? "" : " · niet bij de bot (privacy)");
  const item = el("li", { class: `message ${kind}${view.deleted ? " deleted" : ""}` }, header);
  if (view.reply_to) {
    const target = state.messages.get(`${view.chat_id}:${view.reply_to}`);
    const quoted = target ? (target.text || target.media || "") : `#${view.reply_to}`;
    item.append(el("div", { class: "quote" }, `↪ ${quoted.slice(0, 80)}`));
  }
  if (view.media) item.append(renderMedia(view));
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  item.append(el("div", { class: "text" }, renderText(view.text || "", entities)));
  item.append(...renderKeyboard(view));
  if (view.deleted) item.append(el("div", { class: "meta" }, "verwijderd / deleted"));
  item.append(el("button", {
    type: "button", class: "reply", title: "Antwoord / reply", textContent: "↩",
    onclick: () => { state.replyTo = view.message_id; renderReplyBar(); $("text").focus(); },
  }));
  return item;
}

function renderMessages() {
  const list = $("messages");
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const shown = [...state.messages.values()]
    .filter((v) => v.chat_id === state.chatId)
    .filter((v) => state.threadId === null || v.thread_id === state.threadId)
    .sort((a, b) => a.created - b.created);
  list.replaceChildren(...shown.map(renderMessage));
  if (nearBottom) list.scrollTop = list.scrollHeight;
}

function renderReplyBar() {
  $("reply-bar").hidden = state.replyTo === null;
  $("reply-label").textContent = state.replyTo === null ? "" : `Antwoord op #${state.replyTo}`;
}

function render() {
  renderChats();
  renderMessages();
  renderReplyBar();
}

// ----- acting ------------------------------------------------------------------------

async function sendText(event) {
  event.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  try {
    const privateStart = state.chatId === state.me && text.startsWith("/start");
    if (privateStart) {
      await post(`users/${state.me}/start`, { payload: text.slice(6).trim() || null });
    } else {
      await post("messages", {
        user_id: state.me, chat_id: state.chatId, text,
        thread_id: state.threadId, reply_to: state.replyTo,
      });
    }
    $("text").value = "";
    state.replyTo = null;
    renderReplyBar();
    await pollMessages();
  } catch (error) {
    toast(error.message);
  }
}

async function upload(event) {
  event.preventDefault();
  const file = $("file").files[0];
  if (!file) { toast("Kies eerst een bestand / choose a file first"); return; }
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
  $("status").textContent = stats.waiting
    ? "bot: luistert / listening"
    : `bot: ${stats.pending} update(s) wachten / pending`;
}

function start() {
  $("who").addEventListener("change", () => {
    state.me = Number($("who").value);
    state.replyTo = null;
    render();
  });
  $("topic").addEventListener("change", () => {
    state.threadId = $("topic").value ? Number($("topic").value) : null;
    renderMessages();
  });
  $("reply-cancel").addEventListener("click", () => { state.replyTo = null; renderReplyBar(); });
  $("composer").addEventListener("submit", sendText);
  $("uploader").addEventListener("submit", upload);
  const loop = (fn, ms) => {
    const tick = () => fn().catch((error) => { $("status").textContent = error.message; })
      .finally(() => setTimeout(tick, ms));
    tick();
  };
  refreshWorld().then(() => {
    loop(pollMessages, 700);
    loop(refreshWorld, 3000);
    loop(refreshStatus, 2000);
  }).catch((error) => toast(error.message));
}

start();
