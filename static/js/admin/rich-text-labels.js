// Gives each rich-text editor the accessible name of its field's label, so
// screen readers announce it (the editor's editable area has none of its own).
document.addEventListener("prose-editor:ready", (event) => {
  const { editor, textarea } = event.detail;
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (!label) {
    return;
  }
  if (!label.id) {
    label.id = `${textarea.id}-label`;
  }
  editor.view.dom.setAttribute("aria-labelledby", label.id);
});
