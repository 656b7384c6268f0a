// Stands in for react-devtools-core in the bundle: ink only connects to devtools when DEV=true.
export default { initialize() {}, connectToDevTools() {} };
