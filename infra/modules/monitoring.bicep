// Application Insights on a Log Analytics workspace: where the app's OpenTelemetry traces, metrics and logs go.
// Local authentication (the instrumentation key alone) is off: telemetry is accepted only with an Entra ID token, so the
// connection string, which is no secret, cannot be used by anyone else to write into this resource. The app sends with
// its managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), which gets Monitoring Metrics Publisher below.

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region.')
param location string

param tags object

@description('Days the workspace keeps logs and traces.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Principal id of the app\'s managed identity, given Monitoring Metrics Publisher on Application Insights.')
param appPrincipalId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    RetentionInDays: retentionInDays
    DisableLocalAuth: true
  }
}

// Monitoring Metrics Publisher on this Application Insights resource only: what Entra ID ingestion requires to send
// traces, metrics and logs; it reads nothing.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Monitoring Metrics Publisher for the WgeoFlows app (Entra ID telemetry ingestion)'
  }
}

output applicationInsightsName string = appInsights.name
output connectionString string = appInsights.properties.ConnectionString
