// The Function App's app settings, as one object whose keys main.bicep spells out: the deployment tests read those
// keys from the compiled template and check them against every configuration key the code reads.

@description('Name of the Function App.')
param appName string

@description('Every app setting (configuration keys with __ for :). Secrets are Key Vault references, never values.')
param settings object

resource app 'Microsoft.Web/sites@2024-11-01' existing = {
  name: appName
}

// Flex Consumption sets the worker runtime and the package location from functionAppConfig:
// FUNCTIONS_WORKER_RUNTIME and WEBSITE_RUN_FROM_PACKAGE must not appear here.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: settings
}
