// Skip logic in the browser. A question marked data-show-if="<field>" data-show-equals="<value>"
// is shown only while that field's answer is the value; hidden, its fields are disabled so
// nothing typed there is sent. Without this script every question stays on the form with its
// "Answer only if …" hint, and the server leaves out answers to skipped questions: the server's
// rule decides, this only spares the reader the questions that do not apply.
(() => {
  'use strict';
  // The answer a field holds now: the checked radio's value, a select's or an input's; blank
  // when the field is disabled (its own question is skipped, so questions depending on it are
  // skipped as well).
  const answer = (form, name) => {
    let value = '';
    for (const el of form.querySelectorAll('[name]')) {
      if (el.name !== name || el.disabled) continue;
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
      value = el.value;
    }
    return value;
  };
  const apply = (form) => {
    // Document order: a question depends only on earlier ones, so one pass settles chains.
    for (const q of form.querySelectorAll('[data-show-if]')) {
      const shown = answer(form, q.dataset.showIf) === q.dataset.showEquals;
      q.hidden = !shown;
      for (const el of q.querySelectorAll('input, select, textarea')) el.disabled = !shown;
    }
  };
  for (const form of document.querySelectorAll('form')) {
    if (!form.querySelector('[data-show-if]')) continue;
    // The script decides what is shown: the hints written for readers without it go.
    for (const hint of form.querySelectorAll('.only-if')) hint.hidden = true;
    form.addEventListener('change', () => apply(form));
    apply(form);
  }
})();
