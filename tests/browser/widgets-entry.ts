// The widget kit (src/view/widgets/), bundled into a blank page by widgets.test.ts.
export { CodeField } from '../../src/view/widgets/code-field';
export { langSwitch } from '../../src/view/widgets/lang-switch';
export { ProgressLine } from '../../src/view/widgets/progress-line';
export { radioGroup } from '../../src/view/widgets/radio-group';
export { dataTable } from '../../src/view/widgets/table';
export { Toast } from '../../src/view/widgets/toast';
