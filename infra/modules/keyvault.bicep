// Key Vault (RBAC) holding the app's secrets. The app reads them through Key Vault references in its app settings,
// never as plain values; the references name a secret without a version, so a new version is picked up on rotation.
// Purge protection keeps a deleted vault, and its name, for 90 days: main.bicep salts the name after an `azd down`.

@description('Name of the vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

param tags object

@description('Principal id of the app\'s managed identity, given Key Vault Secrets User.')
param appPrincipalId string

@description('HMAC key of the intake webhook (Intake:WebhookSecret).')
@secure()
param webhookSecret string

@description('HMAC key of emailed links (Links:SigningKey). Changing it invalidates every link already sent.')
@secure()
param linkSigningKey string

@description('SendGrid API key with the Mail Send permission (SendGrid:ApiKey).')
@secure()
param sendGridApiKey string

@description('Admin key accepted in X-Wgeo-Admin-Key (Admin:ApiKey), for scripts; people sign in with Entra ID.')
@secure()
param adminApiKey string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource webhookSecretEntry 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'intake-webhook-secret'
  properties: { value: webhookSecret }
}

resource linkSigningKeyEntry 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'links-signing-key'
  properties: { value: linkSigningKey }
}

resource sendGridApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource adminApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'admin-api-key'
  properties: { value: adminApiKey }
}

// Key Vault Secrets User on this vault only: read secret values (the Key Vault references), nothing else.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Key Vault Secrets User for the WgeoFlows app (Key Vault references)'
  }
}

output name string = vault.name
output webhookSecretUri string = webhookSecretEntry.properties.secretUri
output linkSigningKeyUri string = linkSigningKeyEntry.properties.secretUri
output sendGridApiKeyUri string = sendGridApiKeyEntry.properties.secretUri
output adminApiKeyUri string = adminApiKeyEntry.properties.secretUri
