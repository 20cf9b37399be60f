// Counts what a person does on a phone to get through a journey: taps, fields and page loads,
// per role and per step. The walk calls these wrappers instead of the page's own actions, so
// what is counted is exactly what was done; nothing here measures time.

// What each count means, written into the report beside the numbers.
export const DEFINITIONS = {
  taps: 'a click on a button, link or disclosure, a check of a box or radio, or a choice in a drop-down (one tap each)',
  fields: 'a text field, date or text area filled (the touch that focuses it is not counted as a tap), or a drop-down chosen (a drop-down is a tap and a field)',
  loads: 'a document loaded: a typed address, a link followed or a form submitted (a jump within the page is not one)',
};

const zero = () => ({ taps: 0, fields: 0, loads: 0 });

// One journey's counts, by role and by step.
export class Meter {
  constructor() {
    this.roles = {};
    this.current = null;
  }

  // Names the step the next actions belong to (null: stop counting).
  step(name) {
    this.current = name;
  }

  add(role, kind) {
    if (!this.current) return;
    const r = (this.roles[role] ??= { ...zero(), steps: {} });
    r[kind] += 1;
    (r.steps[this.current] ??= zero())[kind] += 1;
  }

  // A person in a role using this page; every document the page loads is counted for them.
  user(page, role) {
    page.on('domcontentloaded', () => this.add(role, 'loads'));
    return new User(page, role, this);
  }

  total() {
    const t = zero();
    for (const r of Object.values(this.roles)) for (const k of Object.keys(t)) t[k] += r[k];
    return t;
  }

  report() {
    return { definitions: DEFINITIONS, total: this.total(), roles: this.roles };
  }
}

class User {
  constructor(page, role, meter) {
    this.page = page;
    this.role = role;
    this.meter = meter;
  }

  loc(target) {
    return typeof target === 'string' ? this.page.locator(target) : target;
  }

  // A typed address: only for signing in, the one address a person types.
  async visit(url) {
    await this.page.goto(url);
  }

  // A tap on a button or link; `load` when it leads to another document.
  async tap(target, { load = false } = {}) {
    this.meter.add(this.role, 'taps');
    const el = this.loc(target);
    if (load) await Promise.all([this.page.waitForNavigation(), el.click()]);
    else await el.click();
  }

  async check(target) {
    this.meter.add(this.role, 'taps');
    await this.loc(target).check();
  }

  // A drop-down set on purpose, even if it already showed that value: a careful worker
  // confirms each choice, and a default removed or changed does not move the count.
  async choose(target, value) {
    this.meter.add(this.role, 'taps');
    this.meter.add(this.role, 'fields');
    await this.loc(target).selectOption(value);
  }

  async fill(target, text) {
    this.meter.add(this.role, 'fields');
    await this.loc(target).fill(text);
  }

  // Opens a collapsed form by its summary; an open one needs no tap.
  async reveal(summary) {
    const el = this.loc(summary);
    if (!(await el.evaluate((s) => s.parentElement.open))) await this.tap(el);
  }

  // Brings a section of the case page into view through the section menu, unless its heading
  // is already on the screen (scrolling is not a tap).
  async reach(anchor) {
    const onScreen = await this.page.evaluate((a) => {
      const section = document.querySelector(a);
      const { top, bottom } = (section.querySelector('h2') ?? section).getBoundingClientRect();
      return bottom > 0 && top < window.innerHeight;
    }, anchor);
    if (!onScreen) await this.tap(`nav.case-menu a[href="${anchor}"]`);
  }

  // Signs in from the sign-in page's typed address.
  async signIn(url, username, password) {
    await this.visit(`${url}/signin`);
    await this.fill('#username', username);
    await this.fill('#password', password);
    await this.tap('button[type=submit]', { load: true });
  }
}
