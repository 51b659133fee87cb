// The sandbox page's guide: "start here", the demo cycle with simulated peers, the cast,
// private messages made visible, and the clock that can be moved on. Talks to /_demo/.
"use strict";

const guide = {
  cast: [],
  demo: null,
  clock: null,
  busy: false,
  pace: Number(new URLSearchParams(location.search).get("pace")) || 1,

  async refresh() {
    const status = await api("/_demo/status");
    guide.cast = status.cast;
    guide.demo = status.demo;
    guide.clock = status.clock;
    state.botUsername = status.bot_username;
    if (guide.demo && guide.demo.stage !== "preparing") guide.quietUntilReady();
    guide.render();
  },

  role() {
    const demo = guide.demo;
    return demo && demo.visitor === demo.inbrenger ? "inbrenger" : "peer";
  },

  person(id) {
    return guide.cast.find((p) => p.user_id === id) || { first_name: String(id), role: "member" };
  },

  // The welcome messages of the prepared group are not news: notifications start after them.
  quietUntilReady() {
    const quiet = stored("quiet", {});
    if (quiet.chat === guide.demo.chat_id) return;
    const top = Math.max(0, ...[...state.messages.values()].map((v) => v.created));
    store("quiet", { chat: guide.demo.chat_id, created: top });
  },

  async startDemo(role) {
    if (guide.busy) return;
    guide.busy = true;
    try {
      const demo = await post("/_demo/start", { role, language: i18n.lang, pace: guide.pace });
      $("start-here").hidden = true;
      store("startHereSeen", true);
      await refreshWorld();
      become(demo.visitor, demo.chat_id);
      await guide.refresh();
    } catch (error) {
      toast(error.message);
    } finally {
      guide.busy = false;
    }
  },

  async moveClock(body) {
    try {
      guide.clock = await post("/_demo/clock", body);
      guide.renderClock();
      await pollMessages();
    } catch (error) {
      toast(error.message);
    }
  },

  render() {
    guide.renderCast();
    guide.renderGuide();
    guide.renderNotes();
    guide.renderClock();
  },

  renderCast() {
    const demo = guide.demo;
    $("cast").replaceChildren(...guide.cast.map((p) => {
      const roles = [t(`role_${p.role}`)];
      if (demo && demo.inbrenger === p.user_id) roles.push(t("role_inbrenger"));
      return el("li", {}, el("button", {
        type: "button", class: p.user_id === state.me ? "active" : "",
        ariaPressed: String(p.user_id === state.me),
        onclick: () => guide.become(p.user_id),
      }, el("span", {}, `${p.first_name} · ${roles.join(", ")}`),
      state.world ? badge(unreadOf(p.user_id)) : ""));
    }));
  },

  become(person) {
    const demo = guide.demo;
    const inDemo = demo && state.world && chatsOf(person).some((c) => c.id === demo.chat_id);
    become(person, inDemo ? demo.chat_id : person);
  },

  renderGuide() {
    const demo = guide.demo;
    const actions = [];
    let text;
    if (!demo) {
      text = i18n.hint("free");
    } else if (demo.error) {
      text = t("demoError", demo.error);
    } else {
      text = i18n.hint(demo.stage, guide.role());
      if (demo.waiting_for_you && !["preparing", "closed"].includes(demo.stage)) text = `${i18n.hint("waiting")} ${text}`;
      const visitor = guide.person(demo.visitor);
      if (state.me !== demo.visitor) {
        actions.push(el("button", { type: "button", onclick: () => become(demo.visitor, demo.chat_id) }, t("becomeMe", visitor.first_name)));
      }
      if (demo.stage === "awaiting_clip" && guide.role() === "inbrenger") {
        actions.push(el("button", {
          type: "button", class: "primary", id: "send-sample",
          onclick: () => post("/_demo/sample_clip", { user_id: demo.visitor, chat_id: demo.chat_id, caption: demo.learning_question })
            .then(pollMessages).catch((error) => toast(error.message)),
        }, t("sampleClip")));
      }
      const talking = ["goal", "reality.see", "reality.strong", "reality.analysis", "options"].includes(demo.stage);
      if (talking && demo.waiting_for_you && guide.role() === "peer") {
        actions.push(el("button", { type: "button", onclick: () => post("/_demo/go_on", {}) }, t("goOn")));
      }
      if (demo.stage === "closed") {
        actions.push(el("button", { type: "button", class: "primary", onclick: () => become(demo.coach, demo.coach) }, t("openCoach")));
        actions.push(el("button", { type: "button", onclick: () => guide.moveClock({ seconds: 604800 }) }, `${t("moveTime")}: ${t("plus1w")}`));
      }
    }
    actions.push(el("button", { type: "button", class: "link", onclick: () => { $("start-here").hidden = false; } }, demo ? t("restart") : t("startHere")));
    $("guide-text").textContent = text;
    $("guide-box").dataset.stage = demo ? demo.stage : "free";
    $("guide-actions").replaceChildren(...actions);
  },

  renderNotes() {
    if (!state.world) return;
    const quiet = stored("quiet", { created: 0 }).created;
    const notes = [...state.messages.values()]
      .filter((v) => v.from_bot && v.chat_id > 0 && v.created > quiet && v.chat_id !== state.chatId)
      .filter((v) => v.created > (state.seen[`${v.chat_id}:${v.chat_id}`] || 0))
      .sort((a, b) => b.created - a.created);
    if (!notes.length) {
      $("notes").replaceChildren(el("li", { class: "small" }, t("noPrivate")));
      return;
    }
    $("notes").replaceChildren(...notes.slice(0, 4).map((v) => {
      const name = guide.person(v.chat_id).first_name;
      return el("li", { class: "note" },
        el("div", { class: "meta" }, el("strong", {}, t("privateTo", name))),
        el("div", { class: "text" }, (v.text || v.media || "").slice(0, 400)),
        el("button", { type: "button", onclick: () => become(v.chat_id, v.chat_id) }, t("openChatOf", name)));
    }));
  },

  renderClock() {
    const clock = guide.clock;
    if (!clock) return;
    const locale = i18n.lang === "nl" ? "nl-NL" : "en-GB";
    const format = (iso) => new Date(iso).toLocaleString(locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    $("clock-now").textContent = format(clock.now);
    $("clock-ahead").textContent = clock.offset > 59 ? t("ahead", duration(clock.offset)) : "";
    const timers = clock.upcoming.slice(0, 5);
    $("timers").replaceChildren(...(timers.length ? timers.map((u) =>
      el("li", {}, `${format(u.due_at)}: ${i18n.timerName(u.event)}`)) : [el("li", { class: "small" }, t("nothingPlanned"))]));
  },
};

function duration(seconds) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [days && `${days} ${i18n.lang === "nl" ? "dag" : "d"}`, hours && `${hours} h`, minutes && `${minutes} min`].filter(Boolean).join(" ") || "0 min";
}

window.guide = guide;

(function startGuide() {
  $("play-inbrenger").addEventListener("click", () => guide.startDemo("inbrenger"));
  $("play-peer").addEventListener("click", () => guide.startDemo("peer"));
  $("open-start").addEventListener("click", () => { $("start-here").hidden = false; });
  $("close-start").addEventListener("click", () => { $("start-here").hidden = true; store("startHereSeen", true); });
  $("link-cancel").addEventListener("click", () => $("link-dialog").close());
  for (const button of document.querySelectorAll("[data-seconds]")) {
    button.addEventListener("click", () => guide.moveClock({ seconds: Number(button.dataset.seconds) }));
  }
  $("clock-next").addEventListener("click", () => guide.moveClock({ next: true }));
  $("start-here").hidden = stored("startHereSeen", false);
  state.listeners.push(() => {
    // What was there before the first visit (the bot's welcomes) is no news.
    if (stored("quiet", null) === null) {
      store("quiet", { chat: null, created: Math.max(0, ...[...state.messages.values()].map((v) => v.created)) });
    }
    guide.renderNotes();
  });
  loop(guide.refresh, 1000);
})();
